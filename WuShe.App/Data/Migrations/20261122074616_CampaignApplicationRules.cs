using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignApplicationRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApplicationRules",
                table: "Campaigns",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Tianjin's 申报条件, as its campaign.json now states them (they were constants in the code before).
            migrationBuilder.Sql("UPDATE Campaigns SET ApplicationRules = '{\"MinimumCommunities\":2,\"CommunitiesClause\":\"三（二）\",\"MinimumSocialWorkers\":2,\"SocialWorkersClause\":\"三（二）\",\"FundCharityNeedsPublicFundraising\":true,\"FundClause\":\"三（六）\",\"ServiceAreas\":15,\"ServiceAreasClause\":\"三（三）\",\"CharityExample\":\"如：天津市慈善协会\",\"PhoneExample\":\"022-12345678\"}' WHERE Code = 'tianjin-2023';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApplicationRules",
                table: "Campaigns");
        }
    }
}
