using DiligenceBot.Bench;

// bench/scorecards Survey.Bench: customers answering the survey page (run.sh survey).
return await SurveyBench.RunAsync(BenchTools.Options(args));
