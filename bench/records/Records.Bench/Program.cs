using DiligenceBot.Bench;

// bench/records: one command per part (run.sh names it first): typeahead, import.
var part = args.Length > 0 ? args[0] : string.Empty;
var options = BenchTools.Options(args[1..]);
return part switch
{
    "typeahead" => await TypeAhead.RunAsync(options),
    "import" => await CustomerImportBench.RunAsync(options),
    _ => throw new ArgumentException("the first argument names the part: typeahead or import"),
};
