public static class Report { public const string ShortCommand = "x"; public static int Run(string a, string b, string c) => 0; }
