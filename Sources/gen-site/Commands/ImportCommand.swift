import ArgumentParser
import Foundation
import SiteModel

/// `gen-site import FILE.txt [--id ID] [-o CONTENT] [--force]`: a published
/// plain-text plan becomes a plan folder; the report says what it guessed and
/// what it could not place.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a plan's published plain text (UTF-8 or GB18030) into a plan folder.",
        discussion: """
            Writes CONTENT/plans/<id>/plan.md, tasks.yaml and attachments/<file>, and appends the
            units it did not find in units.yaml. Prints a report: the lines it skipped, the guesses
            it made (joined lines, dropped repeated characters, units split by spaces) and the new
            units. Exit 0 when a plan folder was written, 1 when the text is not a plan it can read.
            """
    )

    @Argument(help: "The plan's text file.")
    var file: String

    @Option(name: .long, help: "The plan's id (default: from the file name).")
    var id: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "The content folder to write into.")
    var content: String = "content"

    @Flag(name: .long, help: "Replace an existing plan folder of the same id.")
    var force = false

    func validate() throws {
        if let id, !IdentifierSyntax.isValid(id) { throw ValidationError("--id: lowercase ASCII letters, digits and hyphens") }
    }

    func run() throws {
        let fm = FileManager.default
        guard let data = fm.contents(atPath: file) else {
            Terminal.err("gen-site import: cannot read \(file)\n")
            throw ExitCode(1)
        }
        let decoded: TextDecoding.Result
        switch TextDecoding.decode(data) {
        case .success(let result): decoded = result
        case .failure(.binary):
            Terminal.err("gen-site import: \(file) is not a text file\n"); throw ExitCode(1)
        case .failure(.invalidEncoding(let line, let column)):
            Terminal.err("gen-site import: \(file):\(line):\(column): neither UTF-8 nor GB18030\n"); throw ExitCode(1)
        }
        // Units already known: from units.yaml when the content folder has one.
        var known: [SiteModel.Unit] = []
        if fm.fileExists(atPath: content + "/site.yaml") {
            let (site, _) = ContentPipeline.run(contentRoot: content, buildDate: nil, today: Build.today())
            known = site?.units ?? []
        }
        let result: PlanImporter.Result
        do {
            result = try PlanImporter.run(text: decoded.text, id: id, fileName: file, knownUnits: known)
        } catch {
            Terminal.err("gen-site import: \(file) is not a plan gen-site can read: \(error)\n")
            throw ExitCode(1)
        }
        let folder = URL(fileURLWithPath: content).appendingPathComponent("plans/\(result.id)")
        if fm.fileExists(atPath: folder.path) {
            guard force else {
                Terminal.err("gen-site import: \(content)/plans/\(result.id) exists; use --force to replace it (nothing was written)\n")
                throw ExitCode(1)
            }
            try fm.removeItem(at: folder)
        }
        let attachment = URL(fileURLWithPath: file).lastPathComponent
        var plan = result.planMarkdown
        if OutputFileName.isPlain(attachment) {
            plan = plan.replacingOccurrences(of: "\n---\n\n", with: "\nattachments:\n  - file: \(attachment)\n    title: {zh: 原文（纯文本）, en: \"Original text (plain text, Chinese)\"}\n---\n\n", options: [], range: plan.range(of: "\n---\n\n"))
        }
        try fm.createDirectory(at: folder.appendingPathComponent("attachments"), withIntermediateDirectories: true)
        try Data(plan.utf8).write(to: folder.appendingPathComponent("plan.md"))
        try Data(result.tasksYAML.utf8).write(to: folder.appendingPathComponent("tasks.yaml"))
        if OutputFileName.isPlain(attachment) {
            try data.write(to: folder.appendingPathComponent("attachments/\(attachment)"))
        }
        let units = URL(fileURLWithPath: content).appendingPathComponent("units.yaml")
        if result.newUnitsYAML.isEmpty && !fm.fileExists(atPath: units.path) {
            // A content folder needs units.yaml even when the plan named no unit.
            try Data("[]\n".utf8).write(to: units)
        }
        if !result.newUnitsYAML.isEmpty {
            var text = (try? String(contentsOf: units, encoding: .utf8)) ?? ""
            if text.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" { text = "" }
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += "# Added by gen-site import from \(attachment): check the names, add short names, English and aliases.\n"
            text += result.newUnitsYAML
            try Data(text.utf8).write(to: units)
        }
        Terminal.out("wrote \(content)/plans/\(result.id)\n")
        if decoded.encoding == .gb18030 { Terminal.out("note: \(file) was read as GB18030\n") }
        Terminal.out(result.report.text + "\n")
        if result.report.lostCount > 0 {
            Terminal.err("gen-site import: \(result.report.lostCount) line(s) of \(file) are not in what was written (see the error: lines above); "
                         + "the plan folder is left for you to check\n")
            throw ExitCode(1)
        }
    }
}

/// A file name that can be published as it is: no folders, no leading dot.
enum OutputFileName {
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }
}
