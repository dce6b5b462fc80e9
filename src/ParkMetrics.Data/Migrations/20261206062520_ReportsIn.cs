using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParkMetrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportsIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Aliases",
                table: "Units",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");


            migrationBuilder.AlterColumn<string>(
                name: "FileName",
                table: "Sources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "DateNote",
                table: "Sources",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Sources",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "news_article");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "Sources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "Sources",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Url",
                table: "Sources",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);


            migrationBuilder.AddColumn<List<string>>(
                name: "Aliases",
                table: "Parks",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");


            migrationBuilder.AddColumn<List<string>>(
                name: "Aliases",
                table: "Indicators",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");


            migrationBuilder.AddColumn<string>(
                name: "EntityKey",
                table: "AuditEntries",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Sources" SET "Kind" = 'statistics_office_data' WHERE "Code" = 'statistics-office';
                UPDATE "Sources" SET "Kind" = 'other', "FileName" = NULL WHERE "Code" = 'synthetic';
                UPDATE "Sources" SET "FileName" = NULL WHERE "FileName" = '';
                """);
            // An average annual growth over several years was a plan total with a growth-rate indicator; it is now a period
            // kind of its own, so that no export or chart can add it up with totals.
            migrationBuilder.Sql("""
                UPDATE "Observations" o SET "PeriodKind" = 'annual_average'
                FROM "Indicators" i
                WHERE o."IndicatorId" = i."Id" AND i."Measure" = 'growth_rate'
                  AND o."PeriodKind" IN ('plan_cumulative', 'plan_to_date') AND o."PeriodEnd" > o."PeriodStart" + 366;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Observations" SET "PeriodKind" = CASE WHEN to_char("PeriodEnd", 'MM-DD') = '12-31' THEN 'plan_cumulative' ELSE 'plan_to_date' END
                WHERE "PeriodKind" = 'annual_average';
                UPDATE "Sources" SET "FileName" = '' WHERE "FileName" IS NULL;
                """);
            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Units");


            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Url",
                table: "Sources");


            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Parks");


            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Indicators");


            migrationBuilder.DropColumn(
                name: "EntityKey",
                table: "AuditEntries");

            migrationBuilder.AlterColumn<string>(
                name: "FileName",
                table: "Sources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DateNote",
                table: "Sources",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);
        }
    }
}
