using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignsSideBySide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_Rule_RuleKey_ScopeKey_Period",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_State_DistrictId",
                table: "Alerts");

            migrationBuilder.AddColumn<string>(
                name: "Aggregation",
                table: "StandardRequirements",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CoverageFloor",
                table: "StandardRequirements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForCommunities",
                table: "StandardRequirements",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThresholdsByYear",
                table: "StandardRequirements",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "CurrentCampaignId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CampaignId",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing alerts belong to their site's or district's campaign; a city-wide one to the (then only worked) first campaign.
            migrationBuilder.Sql("""
                UPDATE Alerts SET CampaignId = COALESCE(
                    (SELECT s.CampaignId FROM Sites s WHERE s.Id = Alerts.SiteId),
                    (SELECT d.CampaignId FROM Districts d WHERE d.Id = Alerts.DistrictId),
                    (SELECT MIN(c.Id) FROM Campaigns c), 0);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_CampaignId_Rule_RuleKey_ScopeKey_Period",
                table: "Alerts",
                columns: new[] { "CampaignId", "Rule", "RuleKey", "ScopeKey", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_CampaignId_State_DistrictId",
                table: "Alerts",
                columns: new[] { "CampaignId", "State", "DistrictId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_CampaignId_Rule_RuleKey_ScopeKey_Period",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_CampaignId_State_DistrictId",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Aggregation",
                table: "StandardRequirements");

            migrationBuilder.DropColumn(
                name: "CoverageFloor",
                table: "StandardRequirements");

            migrationBuilder.DropColumn(
                name: "ForCommunities",
                table: "StandardRequirements");

            migrationBuilder.DropColumn(
                name: "ThresholdsByYear",
                table: "StandardRequirements");

            migrationBuilder.DropColumn(
                name: "CurrentCampaignId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "Alerts");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Rule_RuleKey_ScopeKey_Period",
                table: "Alerts",
                columns: new[] { "Rule", "RuleKey", "ScopeKey", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_State_DistrictId",
                table: "Alerts",
                columns: new[] { "State", "DistrictId" });
        }
    }
}
