using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignNoticeClauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoticeClauses",
                table: "Campaigns",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Tianjin's clauses, as its campaign.json now states them (they were written into the code before).
            migrationBuilder.Sql("UPDATE Campaigns SET NoticeClauses = '{\"Tracking\":\"五（一）：区民政局要定期跟踪掌握项目实施情况\",\"Evaluation\":\"五（三）：各区民政局做好中期、末期评估，并将评估结果报送市民政局\",\"Acceptance\":\"五（三）：经评估合格后给予结项\",\"Commendation\":\"五（三）：对推进有力、成效明显的区，将予以通报\"}' WHERE Code = 'tianjin-2023';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NoticeClauses",
                table: "Campaigns");
        }
    }
}
