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
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self]
    )

    /// Exit codes: 0 ok, 1 content errors, 2 usage errors (swift-argument-parser's 64 is mapped to 2).
    static func main() {
        restoreSignals()
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
