import ArgumentParser
import Foundation
import ImportReaders
import SiteBuild
import SiteModel

/// `gen-site import FILE.txt [--id ID] [-o CONTENT] [--force]`: a published
/// plain-text plan becomes a plan folder; the report says what it guessed and
/// what it could not place.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a plan as published — text, web page, Word or PDF — into a plan folder.",
        discussion: """
            Reads .txt (UTF-8, GB18030, UTF-16 with a BOM), .html (a saved web page), .docx and .pdf
            (through pdftotext, from poppler-utils). Writes CONTENT/plans/<id>/plan.md, tasks.yaml and
            attachments/<file>, and appends the units it did not find in units.yaml. Prints a report:
            the lines it skipped, the guesses it made, each header field and where it came from, and
            last `import: N tasks, N units, header F/T fields found, N tables, N lines lost`. A field
            the document does not state is left empty for you to fill in (gen-site check names it).
            Exit 0 when a plan folder was written and nothing was lost, 1 when the file is not a plan
            it can read or a line of it is not in what was written.
            """
    )

    @Argument(help: "The plan: .txt, .html, .docx or .pdf.")
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
        let read: DocumentReader.Result
        do {
            read = try DocumentReader.read(data, path: file)
        } catch {
            Terminal.err("gen-site import: \(file): \(error)\n")
            throw ExitCode(1)
        }
        // Units already known: from units.yaml when the content folder has one.
        var known: [SiteModel.Unit] = []
        if fm.fileExists(atPath: content + "/site.yaml") {
            let (site, _) = ContentPipeline.run(contentRoot: content, buildDate: nil, today: SiteBuild.today())
            known = site?.units ?? []
        }
        let result: PlanImporter.Result
        do {
            result = try PlanImporter.run(document: read.document, id: id, fileName: file, knownUnits: known)
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
        // The original is published with the plan — a text, Word or PDF file as it is; a saved web page is
        // not (its own attachments are listed in the report).
        let attachment = URL(fileURLWithPath: file).lastPathComponent
        let original = OutputFileName.isPlain(attachment) ? Self.attachmentTitle(read.document.format) : nil
        var plan = result.planMarkdown
        if let original {
            plan = plan.replacingOccurrences(of: "\n---\n\n", with: "\nattachments:\n  - file: \(attachment)\n    title: \(original)\n---\n\n",
                                             options: [], range: plan.range(of: "\n---\n\n"))
        }
        try fm.createDirectory(at: folder.appendingPathComponent("attachments"), withIntermediateDirectories: true)
        try Data(plan.utf8).write(to: folder.appendingPathComponent("plan.md"))
        try Data(result.tasksYAML.utf8).write(to: folder.appendingPathComponent("tasks.yaml"))
        if original != nil {
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
        for note in read.notes { Terminal.out("note: \(file) was \(note)\n") }
        Terminal.out(result.report.text + "\n")
        if result.report.lostCount > 0 {
            Terminal.err("gen-site import: \(result.report.lostCount) line(s) of \(file) are not in what was written (see the error: lines above); "
                         + "the plan folder is left for you to check\n")
            throw ExitCode(1)
        }
    }
}

extension ImportCommand {
    /// The attachment's title, by the original's format.
    static func attachmentTitle(_ format: ImportDocument.Format) -> String? {
        switch format {
        case .text: "{zh: 原文（纯文本）, en: \"Original text (plain text, Chinese)\"}"
        case .docx: "{zh: 原文（Word 文档）, en: \"Original (Word document, Chinese)\"}"
        case .pdf: "{zh: 原文（PDF）, en: \"Original (PDF, Chinese)\"}"
        case .html: nil
        }
    }
}

/// A file name that can be published as it is: no folders, no leading dot.
enum OutputFileName {
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }
}
