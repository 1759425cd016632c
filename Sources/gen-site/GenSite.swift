import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// gen-site: builds a bilingual work-safety disclosure site from content.
@main
struct GenSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-site",
        abstract: "Build a bilingual work-safety disclosure website from plans, responsibility lists and statistics.",
        discussion: """
            Spreadsheets (docs/spreadsheets.md): gen-site export progress-form|tasks …, and
            gen-site import progress FILE.xlsx… --plan ID --period YYYY-MM, gen-site import tasks FILE.xlsx --plan ID.
            """,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self,
                      ExportCommand.self]
    )

    /// Exit codes: 0 ok, 1 content errors, 2 usage errors (swift-argument-parser's 64 is mapped to 2).
    static func main() {
        restoreSignals()
        // `import progress` and `import tasks` are commands of their own beside `import FILE`.
        if let command = SheetImports.command(for: Array(CommandLine.arguments.dropFirst())) {
            SheetImports.main(command, arguments: Array(CommandLine.arguments.dropFirst(3)))
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            GenSite.exit(withError: error)
        }
    }

    /// A process started by one that blocks signals (a test runner, some CI
    /// agents) inherits the blocked set, and `serve` would then outlive the
    /// SIGTERM meant to stop it: every signal is unblocked and SIGINT and
    /// SIGTERM get their default action.
    static func restoreSignals() {
        #if canImport(Glibc)
        var all = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_UNBLOCK, &all, nil)
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        #endif
    }
}
