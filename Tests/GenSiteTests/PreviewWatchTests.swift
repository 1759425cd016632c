import Foundation
import Testing
import TestSupport
@testable import SiteBuild
import SiteModel
import SiteRender
#if canImport(Glibc)
import Glibc
#endif

/// The preview learns of a save from the paths inotify names and reads just those (one lstat
/// each) instead of walking every folder: what it then knows of the files must be what a walk
/// finds, for files written, created, deleted and renamed, and a change only a walk can
/// describe (a folder or a link that comes or goes) must send it to the walk.
@Suite struct PreviewWatchTests {
    static func builder(_ content: String) -> PreviewBuilder {
        PreviewBuilder(SiteBuild(content: content, templates: Repository.templates, buildDate: nil, drafts: true),
                       log: { _ in }, report: { _ in })
    }

    /// The paths the watcher names for `change`, waiting up to 5 s for the kernel's events.
    static func paths(_ watcher: FolderWatcher, after change: () throws -> Void) rethrows -> Set<String>? {
        try change()
        for _ in 0..<50 {
            switch watcher.wait(milliseconds: 100) {
            case .timeout: continue
            case .unknown: return nil
            case .paths(let paths): return paths
            }
        }
        return []
    }

    @Test func theNamedPathsGiveWhatAWalkFinds() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        let builder = Self.builder(content)
        var files = builder.scan()
        let watcher = FolderWatcher(files.folders)
        try #require(watcher.isWatching, "no inotify on this machine")
        let plan = content + "/plans/demo-2024"
        let fm = FileManager.default
        let changes: [(String, () throws -> Void)] = [
            ("a file written in place", { try "- id: x\n".write(toFile: content + "/units.yaml", atomically: false, encoding: .utf8) }),
            ("a file created", { try "as_of: 2024-03-31\nupdates: []\n".write(toFile: plan + "/progress.yaml", atomically: false, encoding: .utf8) }),
            ("a file renamed", { try fm.moveItem(atPath: plan + "/progress.yaml", toPath: plan + "/progress-2.yaml") }),
            ("a file deleted", { try fm.removeItem(atPath: plan + "/progress-2.yaml") }),
            ("a file saved as editors save it, renamed over the old one", {
                try "tasks: []\n".write(toFile: plan + "/tasks.yaml.new", atomically: false, encoding: .utf8)
                #expect(rename(plan + "/tasks.yaml.new", plan + "/tasks.yaml") == 0)
            }),
            ("a notice renamed", {
                try fm.moveItem(atPath: content + "/notices/2024-01-11-notice-1.md", toPath: content + "/notices/2024-01-11-notice-one.md")
            }),
        ]
        for (name, change) in changes {
            let named = try #require(try Self.paths(watcher, after: change), "\(name): the events were lost")
            #expect(!named.isEmpty, "\(name): no event")
            let updated = try #require(files.updated(at: named), "\(name): sent to a walk")
            let walked = builder.scan()
            #expect(updated.files == walked, "\(name)")
            #expect(updated.changed == walked.changedFiles(since: files), "\(name)")
            files = walked
        }

        // An editor's hidden swap file is not named at all (the walk leaves it out too).
        let hidden = try #require(try Self.paths(watcher) {
            try "swap".write(toFile: plan + "/.tasks.yaml.swp", atomically: false, encoding: .utf8)
        })
        #expect(hidden.isEmpty)

        // A folder or a link that comes: only a walk can say what is in it, or where it leads.
        let folder = try #require(try Self.paths(watcher) { try fm.createDirectory(atPath: content + "/plans/new-2025", withIntermediateDirectories: false) })
        #expect(files.updated(at: folder) == nil)
        files = builder.scan()
        watcher.update(files.folders)
        let link = try #require(try Self.paths(watcher) { #expect(symlink("/etc/passwd", content + "/plans/new-2025/plan.md") == 0) })
        #expect(link.contains(content + "/plans/new-2025/plan.md"))
        #expect(files.updated(at: link) == nil)
        // A folder deleted, with what was in it.
        files = builder.scan()
        watcher.update(files.folders)
        let gone = try #require(try Self.paths(watcher) { try fm.removeItem(atPath: content + "/plans/new-2025") })
        #expect(files.updated(at: gone) == nil)
    }

    @Test func inotifyEventsAreReadWithTheirNames() {
        // Two events as the kernel lays them out: watch, mask, cookie, name length (padded), name.
        var bytes: [UInt8] = []
        func event(_ watch: Int32, _ mask: UInt32, _ name: String, padded: Int) {
            withUnsafeBytes(of: watch) { bytes += $0 }
            withUnsafeBytes(of: mask) { bytes += $0 }
            withUnsafeBytes(of: UInt32(0)) { bytes += $0 }
            withUnsafeBytes(of: UInt32(padded)) { bytes += $0 }
            bytes += Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
        }
        event(3, UInt32(IN_CLOSE_WRITE), "tasks.yaml", padded: 16)
        event(4, UInt32(IN_DELETE_SELF), "", padded: 0)
        event(3, UInt32(IN_MOVED_TO), "通知.md", padded: 16)
        let events = bytes.withUnsafeBytes { FolderWatcher.events($0) }
        #expect(events == [.init(watch: 3, mask: UInt32(IN_CLOSE_WRITE), name: "tasks.yaml"),
                           .init(watch: 4, mask: UInt32(IN_DELETE_SELF), name: ""),
                           .init(watch: 3, mask: UInt32(IN_MOVED_TO), name: "通知.md")])
    }
}

/// After a change, the preview finds the pages it touches among the site-wide pages and the
/// pages of the plans and units the change names, instead of asking of every page: the same
/// pages as asking every page whether `PageDependencies` names it.
@Suite struct PreviewAffectedPagesTests {
    static let edits: [ContentEdit] = [
        .taskTitle, .taskLead, .progressReport, .unitName,
        ContentEdit(name: "a linked plan's title", file: "plans/new-2024/plan.md",
                    replace: "测试区2024年安全生产工作要点, en:", with: "测试区2024年安全生产工作要点（修订）, en:",
                    content: Repository.fixture("disclosure")),
    ]

    static func context(_ root: String) throws -> RenderContext {
        let day = Day(year: 2030, month: 1, day: 1) ?? Day(year: 2000, month: 1, day: 1)!
        let (site, _) = ContentPipeline.run(contentRoot: root, buildDate: nil, today: day)
        let (theme, _) = Theme.load(from: [Repository.templates])
        return RenderContext(site: try #require(site), theme: try #require(theme))
    }

    static func previewSite(_ context: RenderContext, sitewide: [String]? = nil) -> PreviewSite {
        var pages: [String: PageAddress] = [:]
        for address in SiteRenderer.pageAddresses(context) { pages[address.outputPath] = address }
        return PreviewSite(context: context, pages: pages, support: [:], statusPages: [], sitewide: sitewide)
    }

    @Test(arguments: edits) func theSamePagesAsAskingEveryPage(_ edit: ContentEdit) throws {
        let root = try Fixture.temporaryFolder()
        try Fixture.copyTree(from: edit.content, to: root)
        let old = try Self.context(root)
        try edit.apply(in: root)
        let new = try Self.context(root)
        let dependencies = PageDependencies(from: old.site, to: new.site)
        #expect(!dependencies.changes.everything && !dependencies.changes.isEmpty)
        // The site-wide pages carried over from the version before, as the preview does.
        let site = Self.previewSite(new, sitewide: Self.previewSite(old).sitewide)
        let everyPage = Set(site.pages.compactMap { path, address in dependencies.isAffected(address.route) ? path : nil })
        let found = site.affectedPaths(dependencies)
        #expect(found.count == Set(found).count, "a page named twice")
        #expect(Set(found) == everyPage)
        #expect(everyPage.count < site.pages.count)
    }
}
