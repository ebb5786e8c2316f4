using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class FundraisingYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Month",
                table: "ReportDonations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FundraisingYearBasis",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FundraisingYearReason",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // Donations already stored get their month in Asia/Shanghai. ReceivedAt is EF Core's binary DateTimeOffset: local
            // ticks / 1000 in the high bits, the offset in minutes (11-bit two's complement) in the low bits.
            migrationBuilder.Sql(@"UPDATE ReportDonations SET Month = CAST(strftime('%m',
                ((ReceivedAt >> 11) * 1000) / 10000000 - 62135596800
                - (CASE WHEN (ReceivedAt & 2047) >= 1024 THEN (ReceivedAt & 2047) - 2048 ELSE (ReceivedAt & 2047) END) * 60 + 28800,
                'unixepoch') AS INTEGER);");
            // Campaigns seeded before counted by calendar year; Tianjin's file now says project year, with its reason.
            migrationBuilder.Sql("UPDATE Campaigns SET FundraisingYearBasis = 'CalendarYear', FundraisingYearReason = '此前按自然年计（迁移前的口径）。';");
            migrationBuilder.Sql("UPDATE Campaigns SET FundraisingYearBasis = 'ProjectYear', FundraisingYearReason = '三（六）要求每个社区基金“每年应撬动一定数额社会慈善资金”，未说明“每年”的口径。创建期自 2023 年 7 月至 2024 年 6 月底（二），恰为一年：按自然年计，市区联合创建点须在 2023 年下半年和 2024 年上半年各筹足下限，创建期内要筹两倍，且每年 1 月 1 日完成情况清零；按项目年度计，第一个项目年度即整个创建期，与通知的创建周期一致。' WHERE Code = 'tianjin-2023';");
            migrationBuilder.Sql("UPDATE StandardRequirements SET Description = replace(Description, '社区基金当年撬动', '社区基金每个筹款年度撬动') WHERE Metric = 'CharityFundsRaised';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Month",
                table: "ReportDonations");

            migrationBuilder.DropColumn(
                name: "FundraisingYearBasis",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "FundraisingYearReason",
                table: "Campaigns");
        }
    }
}
