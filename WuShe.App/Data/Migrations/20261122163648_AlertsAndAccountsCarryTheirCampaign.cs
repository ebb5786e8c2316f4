using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertsAndAccountsCarryTheirCampaign : Migration
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
                    (SELECT MIN(c.Id) FROM Campaigns c));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CurrentCampaignId",
                table: "AspNetUsers",
                column: "CurrentCampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_CampaignId_Rule_RuleKey_ScopeKey_Period",
                table: "Alerts",
                columns: new[] { "CampaignId", "Rule", "RuleKey", "ScopeKey", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_CampaignId_State_DistrictId",
                table: "Alerts",
                columns: new[] { "CampaignId", "State", "DistrictId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Alerts_Campaigns_CampaignId",
                table: "Alerts",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Campaigns_CurrentCampaignId",
                table: "AspNetUsers",
                column: "CurrentCampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Alerts_Campaigns_CampaignId",
                table: "Alerts");

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Campaigns_CurrentCampaignId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CurrentCampaignId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_CampaignId_Rule_RuleKey_ScopeKey_Period",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_CampaignId_State_DistrictId",
                table: "Alerts");

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
