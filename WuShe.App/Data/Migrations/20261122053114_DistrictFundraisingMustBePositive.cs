using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <summary>
    /// 三（六） for district-level sites, corrected in installations seeded before: "每个社区基金每年应撬动一定数额" with
    /// "额度不做限定" means some money (more than 0 元), not "tracked only".
    /// </summary>
    public partial class DistrictFundraisingMustBePositive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE StandardRequirements
                SET Comparator = 'MoreThan',
                    Description = '社区基金当年撬动一定数额的社会慈善资金（含捐赠物资折算金额），额度不做限定，须大于 0 元',
                    ClauseText = '每个社区基金每年应撬动一定数额社会慈善资金……区级创建点筹款额度不做限定'
                WHERE Metric = 'CharityFundsRaised' AND Comparator = 'TrackOnly' AND ClauseText = '区级创建点筹款额度不做限定';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE StandardRequirements
                SET Comparator = 'TrackOnly',
                    Description = '社区基金当年撬动的社会慈善资金（含捐赠物资折算金额），仅统计，不设下限',
                    ClauseText = '区级创建点筹款额度不做限定'
                WHERE Metric = 'CharityFundsRaised' AND Comparator = 'MoreThan' AND Threshold = 0;
                """);
        }
    }
}
