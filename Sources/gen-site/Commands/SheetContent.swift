import Foundation
import SiteBuild
import SiteModel

/// What the spreadsheet commands share: the content loaded with every plan
/// (drafts too), a plan by id, a file written whole or not at all.
enum SheetContent {
    /// The resolved content, or nil after printing why (its errors: a spreadsheet is
    /// made from, or merged into, content that builds).
    static func load(_ content: String, command: String) -> ResolvedSite? {
        let today = SiteBuild.today()
        guard FileManager.default.fileExists(atPath: content + "/site.yaml") else {
            Terminal.err("gen-site \(command): \(content) is not a content folder (no site.yaml)\n")
            return nil
        }
        let (site, diagnostics) = ContentPipeline.run(contentRoot: content, buildDate: nil, today: today, drafts: true)
        if diagnostics.hasErrors || site == nil {
            Terminal.err(DiagnosticPrinter(format: .text, contentRoot: content).render(diagnostics))
            Terminal.err("gen-site \(command): \(content) has \(diagnostics.errorCount) error(s); fix them first (nothing was written)\n")
            return nil
        }
        return site
    }

    static func plan(_ id: String, in site: ResolvedSite, content: String, command: String) -> Plan? {
        if let plan = site.plan(PlanID(id)) { return plan }
        let known = site.plans.map(\.id.rawValue).sorted().joined(separator: ", ")
        Terminal.err("gen-site \(command): no plan \(id) in \(content) (plans: \(known))\n")
        return nil
    }

    /// Writes `data` to `path` through a temporary file beside it, renamed into place.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).gen-site-\(getpid())")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
        }
    }

    /// Diagnostics of spreadsheet cells print with the file as given.
    static func printSheets(_ diagnostics: Diagnostics) {
        Terminal.err(DiagnosticPrinter(format: .text, contentRoot: "").render(diagnostics))
    }
}
