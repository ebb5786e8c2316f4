using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CertifiedWorkerShare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CertifiedCommunityWorkers",
                table: "ReportCommunityFigures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommunityWorkers",
                table: "ReportCommunityFigures",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CertifiedCommunityWorkers",
                table: "ReportCommunityFigures");

            migrationBuilder.DropColumn(
                name: "CommunityWorkers",
                table: "ReportCommunityFigures");
        }
    }
}
