using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobAttemptsAndBatchRestarts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobRuns_Job_ScheduledFor",
                table: "JobRuns");

            migrationBuilder.AddColumn<int>(
                name: "Restarts",
                table: "ReportBatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "JobRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // runs recorded before attempts were counted were first attempts

            migrationBuilder.AddColumn<bool>(
                name: "Interrupted",
                table: "JobRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Job_ScheduledFor_Attempt",
                table: "JobRuns",
                columns: new[] { "Job", "ScheduledFor", "Attempt" },
                unique: true,
                filter: "ScheduledFor IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobRuns_Job_ScheduledFor_Attempt",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "Restarts",
                table: "ReportBatches");

            migrationBuilder.DropColumn(
                name: "Attempt",
                table: "JobRuns");

            migrationBuilder.DropColumn(
                name: "Interrupted",
                table: "JobRuns");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Job_ScheduledFor",
                table: "JobRuns",
                columns: new[] { "Job", "ScheduledFor" },
                unique: true,
                filter: "ScheduledFor IS NOT NULL");
        }
    }
}
