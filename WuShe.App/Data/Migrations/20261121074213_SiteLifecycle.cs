using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WuShe.App.Data.Migrations
{
    public partial class SiteLifecycle : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FundCharity",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "FundCharityHasPublicFundraisingStatus",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OtherServiceArea",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ServiceAreas",
                table: "Sites",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StationAddress",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StationName",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Districts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PopulationSource",
                table: "Communities",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PopulationYear",
                table: "Communities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResidentPopulation",
                table: "Communities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SiteTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Command = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteTransitions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SocialWorkers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Contract = table.Column<string>(type: "TEXT", nullable: false),
                    Certificate = table.Column<string>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialWorkers_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_DistrictId_At",
                table: "AuditEntries",
                columns: new[] { "DistrictId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteTransitions_SiteId_At",
                table: "SiteTransitions",
                columns: new[] { "SiteId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_SiteId",
                table: "SocialWorkers",
                column: "SiteId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "SiteTransitions");

            migrationBuilder.DropTable(
                name: "SocialWorkers");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "FundCharity",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "FundCharityHasPublicFundraisingStatus",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "OtherServiceArea",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "ServiceAreas",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "StationAddress",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "StationName",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "PopulationSource",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "PopulationYear",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "ResidentPopulation",
                table: "Communities");
        }
    }
}
