using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class SystemSetThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ThresholdIsSystemSetting",
                table: "StandardRequirements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // 津民函〔2023〕20号 asks for these without a number (三（三）、三（七）); installations seeded before keep their
            // thresholds, now shown as the system's.
            migrationBuilder.Sql("""
                UPDATE StandardRequirements SET ThresholdIsSystemSetting = 1
                WHERE Metric IN ('SpecialHardshipServiceActivities', 'ResearchTopics', 'CaseWriteUps', 'MediaReports')
                  AND CreationStandardId IN (SELECT s.Id FROM CreationStandards s JOIN Campaigns c ON c.Id = s.CampaignId WHERE c.Code = 'tianjin-2023');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThresholdIsSystemSetting",
                table: "StandardRequirements");
        }
    }
}
