using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evaluations_SiteId_Phase_Round",
                table: "Evaluations");

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Evaluations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "City");

            // Before evaluation bodies, a district-level site's evaluations were its district's, a joint site's the city team's.
            migrationBuilder.Sql("UPDATE Evaluations SET Body = 'District' WHERE SiteId IN (SELECT Id FROM Sites WHERE Tier = 'DistrictLevel');");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_SiteId_Body_Phase_Round",
                table: "Evaluations",
                columns: new[] { "SiteId", "Body", "Phase", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evaluations_SiteId_Body_Phase_Round",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "Evaluations");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_SiteId_Phase_Round",
                table: "Evaluations",
                columns: new[] { "SiteId", "Phase", "Round" },
                unique: true);
        }
    }
}
