using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Plan10000.Modules.Companies.Data;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Companies
{
    /// <summary>
    /// The showcase search is a <c>LIKE '%word%'</c> on the accent-folded <c>SearchText</c>: without a trigram index
    /// PostgreSQL reads every company for it. <c>unaccent</c> is created for SQL written against the raw names (ADR 0021).
    /// The model does not change, so there is no target model to record.
    /// </summary>
    [DbContext(typeof(CompaniesDbContext))]
    [Migration("20261204190000_TrigramSearch")]
    public partial class TrigramSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Companies_Companies_SearchText_trgm\" ON \"Companies_Companies\" USING gin (\"SearchText\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Companies_Companies_SearchText_trgm\";");
        }
    }
}
