using System.Text;
using Archive.Cli;

// The `archive` command. Each subcommand lives in Commands/; ArchiveCli wires them up.
// Chinese headlines must reach terminals intact whatever the platform's default console code page.
Console.OutputEncoding = Encoding.UTF8;
return await ArchiveCli.RunAsync(args, Console.Out, Console.Error);
