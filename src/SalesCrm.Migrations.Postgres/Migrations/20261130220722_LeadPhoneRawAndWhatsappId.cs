using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeadPhoneRawAndWhatsappId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "webhook_inbox",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneRaw",
                table: "leads",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhatsappId",
                table: "leads",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Phones are canonical with Brazil's ninth mobile digit (BrazilianNinthDigit): a mobile saved before in the
            // old 8-digit form (libphonenumber still accepted those starting with 7) gets it, so it matches its new spelling.
            migrationBuilder.Sql("""
                UPDATE leads SET "Phone" = substr("Phone", 1, 5) || '9' || substr("Phone", 6)
                WHERE length("Phone") = 13 AND substr("Phone", 1, 3) = '+55' AND substr("Phone", 6, 1) IN ('6', '7', '8', '9');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "webhook_inbox");

            migrationBuilder.DropColumn(
                name: "PhoneRaw",
                table: "leads");

            migrationBuilder.DropColumn(
                name: "WhatsappId",
                table: "leads");
        }
    }
}
