import ArgumentParser
import Foundation

/// `gen-site import progress …` and `gen-site import tasks …`: the spreadsheet
/// imports, routed here before `import FILE` (the plain-text plan importer) parses
/// its arguments, so neither disturbs the other. A plan file really named
/// `progress` or `tasks` is imported as `import ./progress`.
enum SheetImports {
    static func command(for arguments: [String]) -> ParsableCommand.Type? {
        guard arguments.count >= 2, arguments[0] == "import" else { return nil }
        switch arguments[1] {
        case "progress": return ImportProgressCommand.self
        case "tasks": return ImportTasksCommand.self
        default: return nil
        }
    }

    /// Parses and runs the command, exiting with 0, 1 (content) or 2 (usage).
    static func main(_ type: ParsableCommand.Type, arguments: [String]) -> Never {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = type.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((type.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            type.exit(withError: error)
        }
    }
}
