using DiligenceBot.AppPackage;
using DiligenceBot.Assessment;
using DiligenceBot.Coaching;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;
using DiligenceBot.Dashboard;
using DiligenceBot.Data;
using DiligenceBot.Demo;
using DiligenceBot.DirectorySync;
using DiligenceBot.Help;
using DiligenceBot.Imports;
using DiligenceBot.Installation;
using DiligenceBot.Meetings;
using DiligenceBot.Operations;
using DiligenceBot.Plans;
using DiligenceBot.Records;
using DiligenceBot.Scheduling;
using DiligenceBot.Surveys;
using DiligenceBot.Transfers;
using DiligenceBot.WorkLogs;

if (args.Length > 0 && args[0] == "package")
{
    return AppPackageCommand.Run(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddDiligenceData();
builder.AddDirectorySync();
builder.AddInstallation();
builder.AddDemo();
builder.AddConversations();
builder.Services.AddHelp();
builder.Services.AddNotifications();
builder.Services.AddWorkLogs();
builder.Services.AddScheduleMessages();
builder.Services.AddTransfers();
builder.Services.AddCoaching();
builder.Services.AddCustomers();
builder.Services.AddImports();
builder.Services.AddPlans();
builder.Services.AddMeetings();
builder.Services.AddRecords();
builder.Services.AddAssessment();
builder.AddSurveys();
builder.AddScheduling();
builder.AddOperations();
builder.AddDashboard();

var app = builder.Build();
await app.MigrateAndSeedAsync();
app.MapBotMessages("/api/messages");
app.MapScheduling();
app.MapOperations();
app.MapDashboard();
app.MapSurveys();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the test host.</summary>
public partial class Program;
