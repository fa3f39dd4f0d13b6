using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Portal
{
    /// <inheritdoc />
    public partial class AuditMailAndPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Portal_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Portal_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Portal_MailLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServerAnswer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Portal_MailLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Portal_AuditEntries_Action",
                table: "Portal_AuditEntries",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_Portal_AuditEntries_At",
                table: "Portal_AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Portal_AuditEntries_UserId",
                table: "Portal_AuditEntries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Portal_MailLog_SentAt",
                table: "Portal_MailLog",
                column: "SentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Portal_AuditEntries");

            migrationBuilder.DropTable(
                name: "Portal_MailLog");
        }
    }
}
