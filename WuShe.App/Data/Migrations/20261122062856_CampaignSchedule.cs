using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AlertLeadDays",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FinalEvaluationDue",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MidTermEvaluationDue",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportDueDays",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10);

            // The values the app settings carried before they became campaign data (Tianjin's).
            migrationBuilder.Sql("UPDATE Campaigns SET MidTermEvaluationDue = '2023-12-31', FinalEvaluationDue = '2024-07-31' WHERE Code = 'tianjin-2023';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlertLeadDays",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "FinalEvaluationDue",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "MidTermEvaluationDue",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReportDueDays",
                table: "Campaigns");
        }
    }
}
