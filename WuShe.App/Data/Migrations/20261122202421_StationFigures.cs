using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class StationFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "StationAnnualFundingFen",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StationFloorArea",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StationStaff",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StationAnnualFundingFen",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "StationFloorArea",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "StationStaff",
                table: "ProgressReports");
        }
    }
}
