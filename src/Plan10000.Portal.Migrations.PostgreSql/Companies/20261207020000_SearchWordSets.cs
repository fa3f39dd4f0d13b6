using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Plan10000.Modules.Companies.Data;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Companies
{
    /// <summary>
    /// The trigram index of <see cref="TrigramSearch"/> only proposes candidates: counting a word that half the companies
    /// hold still tested each one's text (~14 ms at 10,000 companies, the most of a searched page). A folded text is words
    /// of letters and digits between single spaces, so it contains a word exactly when one of its words does: each listed
    /// company keeps the ids of its distinct words (<c>Companies_SearchWordSets</c>, GIN index), the vocabulary is a small
    /// table with its own trigram index, and a count is an overlap test on the index (~3 ms), exact with no recheck of the
    /// text (ADR 0021, amended). A trigger follows inserts, deletes and changes of the id, the text and the listing. The
    /// model does not change, so there is no target model to record.
    /// </summary>
    [DbContext(typeof(CompaniesDbContext))]
    [Migration("20261207020000_SearchWordSets")]
    public partial class SearchWordSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "Companies_SearchWords" ("Id" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "Word" text NOT NULL UNIQUE);
                CREATE INDEX "IX_Companies_SearchWords_Word_trgm" ON "Companies_SearchWords" USING gin ("Word" gin_trgm_ops);
                CREATE TABLE "Companies_SearchWordSets" ("CompanyId" uuid NOT NULL PRIMARY KEY, "WordIds" integer[] NOT NULL);
                CREATE INDEX "IX_Companies_SearchWordSets_WordIds" ON "Companies_SearchWordSets" USING gin ("WordIds");
                """);

            // The words are added in one order by every transaction, so two companies saved at once cannot deadlock on
            // them; a word another transaction is adding waits for it (READ COMMITTED, each statement sees what it committed).
            migrationBuilder.Sql("""
                CREATE FUNCTION "Companies_SearchWordSets_Follow"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN
                    DELETE FROM "Companies_SearchWordSets" WHERE "CompanyId" = OLD."Id";
                  END IF;
                  IF TG_OP <> 'DELETE' AND NEW."IsListed" THEN
                    INSERT INTO "Companies_SearchWords" ("Word")
                    SELECT DISTINCT t FROM unnest(string_to_array(NEW."SearchText", ' ')) AS t WHERE t <> '' ORDER BY t
                    ON CONFLICT ("Word") DO NOTHING;
                    INSERT INTO "Companies_SearchWordSets" ("CompanyId", "WordIds")
                    SELECT NEW."Id", ARRAY(
                      SELECT w."Id" FROM (SELECT DISTINCT t FROM unnest(string_to_array(NEW."SearchText", ' ')) AS t) AS x
                      JOIN "Companies_SearchWords" AS w ON w."Word" = x.t ORDER BY w."Id");
                  END IF;
                  RETURN NULL;
                END
                $$;
                """);
            // The existing companies go through the trigger itself: one way of building a set.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchWordSets_Follow" AFTER INSERT OR DELETE OR UPDATE OF "Id", "SearchText", "IsListed"
                ON "Companies_Companies" FOR EACH ROW EXECUTE FUNCTION "Companies_SearchWordSets_Follow"();
                UPDATE "Companies_Companies" SET "SearchText" = "SearchText" WHERE "IsListed";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Companies_SearchWordSets_Follow" ON "Companies_Companies";
                DROP FUNCTION IF EXISTS "Companies_SearchWordSets_Follow"();
                DROP TABLE IF EXISTS "Companies_SearchWordSets";
                DROP TABLE IF EXISTS "Companies_SearchWords";
                """);
        }
    }
}
