using Sessionizer.Cli;

return SessionizerCli.Invoke(args, Console.Out, Console.Error);
