namespace WuShe.App.Admin;

/// <summary>Chinese names of the tables and columns in the full export; a name without one is kept as it is.</summary>
public static class ExportNames
{
    private static readonly Dictionary<string, string> Tables = Parse("""
        AcceptanceDecisions=结项决定;Alerts=预警;AspNetUsers=账号;AuditEntries=操作日志;Campaigns=创建活动;Communities=社区;
        CreationStandards=创建标准;Districts=区;EvaluationSheets=评估打分表;Evaluations=评估;EvidenceFiles=证明材料;JobRuns=定时任务记录;
        Milestones=时间节点;ProgressReports=进展报告;ReportActivities=进展-服务活动;ReportBatches=批量报告;ReportCommunityFigures=进展-社区数据;
        ReportDonations=进展-筹款;ReportOrganisations=进展-社会组织;ReportPromotions=进展-总结推广;SiteTransitions=创建点流转记录;Sites=创建点;
        SocialWorkers=专职社工;StandardRequirements=标准要求;Commendations=通报;ServiceContracts=服务合同
        """);

    private static readonly Dictionary<string, string> Columns = Parse("""
        Id=编号;SiteId=创建点编号;EvaluationId=评估编号;Accepted=通过结项;DecidedOn=决定日期;Reasons=理由;DecidedBy=决定人;DocumentNumber=文号;
        Rule=规则;RuleKey=规则键;Scope=范围;ScopeKey=范围键;Period=期间;Severity=严重程度;Title=标题;Numbers=数据;Clause=条款;DistrictId=区编号;
        Link=链接;State=状态;FirstSeen=首次发现;LastSeen=最近发现;ResolvedAt=解除时间;AcknowledgedBy=知悉人;AcknowledgedAt=知悉时间;
        AcknowledgeNote=知悉备注;DisplayName=姓名或单位;Role=角色;IsActive=有效;MustChangePassword=须修改初始密码;LastSignInAt=最近登录;CurrentCampaignId=当前创建活动;
        UserName=用户名;Email=电子邮箱;EmailConfirmed=邮箱已确认;PhoneNumber=手机;PhoneNumberConfirmed=手机已确认;TwoFactorEnabled=启用双因素;
        LockoutEnd=锁定至;LockoutEnabled=允许锁定;AccessFailedCount=连续失败次数;AssignedSiteIds=分配的联动点;OtherCampaignIds=参加的其他创建活动;At=时间;UserId=账号编号;
        Action=操作;EntityType=对象类型;EntityId=对象编号;Summary=摘要;Reason=理由;Changes=修改内容;Code=编码;Name=名称;Issuer=发文单位;
        Region=地区;TargetStreets=目标街镇数;TargetCommunities=目标社区数;TargetJointStreets=联动点街镇数;TargetJointCommunities=联动点社区数;
        ReportingPeriodMonths=填报周期（月）;Rubric=评估指标;ReportingStartsOn=填报起始日;TargetsClause=任务目标条款;ContractRules=服务合同规则;Term=第几期;Provider=承接机构;StartsOn=开始日期;EndsOn=结束日期;SignedOn=签订日期;ReviewedOn=考评日期;Passed=考评合格;ReviewNote=考评意见;MidTermEvaluationDue=中期评估截止日;FinalEvaluationDue=末期评估截止日;AlertLeadDays=提前预警天数;ReportDueDays=进展报告提交期限（天）;FundraisingYearBasis=筹款年度口径;ApplicationRules=申报条件;NoticeClauses=通知条款;FundraisingYearReason=筹款年度口径理由;Kind=类型;SortOrder=排序;ResidentPopulation=常住人口;
        PopulationSource=人口数据来源;PopulationYear=人口统计年份;Number=序号;CampaignId=活动编号;StreetQuota=街镇名额;CommunityQuota=社区名额;
        Version=版本;EvaluatorUserId=评估人账号编号;EvaluatorName=评估人;Comment=评语;ReturnReason=退回理由;ReturnedBy=退回单位;SubmittedAt=提交时间;Scores=得分;
        Phase=阶段;Round=轮次;CreatedAt=创建时间;ReportId=进展报告编号;EntryKey=条目键;OriginalName=原文件名;StoredName=存储文件名;
        ContentType=文件类型;Size=大小（字节）;UploadedAt=上传时间;UploadedBy=上传人;Job=任务;ScheduledFor=计划时刻;Trigger=方式;StartedBy=发起人;
        StartedAt=开始时间;FinishedAt=结束时间;Succeeded=成功;Result=结果;Opened=新增;Refreshed=更新;Resolved=解除;Attempt=第几次;Interrupted=中断;
        DueDate=截止日期;RequiredCompletionShare=要求完成比例;Description=说明;PeriodYear=年份;PeriodMonth=月份;PeriodMonths=期间月数;
        SubmittedBy=提交人;FullTimeSocialWorkers=专职社工人数;FundEstablished=已设立社区基金;FundCharity=依托慈善组织;
        FundCharityHasPublicFundraisingStatus=具有公开募捐资格;FundSetUpOn=基金设立日期;StationFloorArea=服务站面积（平方米）;StationStaff=服务站工作人员;StationAnnualFundingFen=服务站年度经费（分）;Key=条目键;Area=服务领域;HeldOn=日期;Beneficiaries=受益人数;
        DistrictCode=区划代码;Total=总数;Done=已完成;Error=错误;CreatedBy=创建人;Restarts=重启次数;CommunityId=社区编号;CommitteeMembers=参与的两委成员;
        CertifiedWorkers=参与的持证社区工作者;CommunityWorkers=社区工作者总数;CertifiedCommunityWorkers=其中持社会工作者证书;VolunteerTeams=志愿服务组织;RegisteredVolunteers=注册志愿者;ActiveVolunteers=有服务时长记录的志愿者;
        ReceivedAt=时间;Donor=捐赠方;AmountFen=金额（分）;Year=所属年度;Month=所属月份;Type=类型;Status=登记或备案;CultivatedOn=日期;PublishedOn=日期;Outlet=渠道;
        Command=操作;From=原状态;To=新状态;Street=街镇;Tier=层级;JointSiteNumber=联动点序号;StationName=服务站;StationAddress=服务站地址;
        ServiceAreas=服务领域;OtherServiceArea=其他服务领域;ContactName=联系人;ContactPhone=联系电话;IsSample=示例数据;Contract=政府购买服务合同;
        Certificate=证书;Body=评估主体;Text=正文;FiguresAsOf=数据截至;Districts=予以通报的区;PublishedAt=发布时间;PublishedBy=发布人;ThresholdIsSystemSetting=数量为系统设定;ForCommunities=适用社区类型;Aggregation=汇总方式;CoverageFloor=覆盖标准;ThresholdsByYear=分年度阈值;Metric=指标;Comparator=比较;Threshold=阈值;Unit=单位;AppliesTo=适用;ClauseText=条款原文;CreationStandardId=创建标准编号
        """);

    public static string Table(string table) => Tables.GetValueOrDefault(table, table);
    public static string Column(string column) => Columns.GetValueOrDefault(column, column);

    /// <summary>Every exported table and column has a Chinese name (held by a test against the live schema).</summary>
    public static bool HasChinese(string table, string column) => Tables.ContainsKey(table) && Columns.ContainsKey(column);

    private static Dictionary<string, string> Parse(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => p.Split('=')).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
}
