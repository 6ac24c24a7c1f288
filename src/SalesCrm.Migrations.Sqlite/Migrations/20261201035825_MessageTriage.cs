using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCrm.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessageTriage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Intent",
                table: "messages",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sentiment",
                table: "messages",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TranscribedAt",
                table: "messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transcript",
                table: "messages",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TriageProvider",
                table: "messages",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Urgency",
                table: "messages",
                type: "TEXT",
                maxLength: 10,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Intent",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "Sentiment",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "TranscribedAt",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "Transcript",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "TriageProvider",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "Urgency",
                table: "messages");
        }
    }
}
