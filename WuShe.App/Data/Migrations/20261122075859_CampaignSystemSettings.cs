using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignSystemSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Fundraising requirements count over the campaign's fundraising year, no longer a fixed calendar year.
            migrationBuilder.Sql("UPDATE StandardRequirements SET Period = 'FundraisingYear' WHERE Metric = 'CharityFundsRaised';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Campaigns");
        }
    }
}
