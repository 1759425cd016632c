import Foundation
import Testing
import TestSupport
import SiteModel
import SiteRender

/// The preview re-renders only the pages that depend on a change: for edits a
/// publisher makes every day, every page whose bytes change must be among the
/// pages `PageDependencies` names (else the preview would show a stale page),
/// and the pages of plans the edit has nothing to do with must not be named.
@Suite struct PageDependenciesTests {
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var replace: String
        var with: String
        /// Plans none of whose pages may be named.
        var untouched: [String] = []
        var everything = false
        /// The content folder edited: the example site unless given.
        var content: String = Repository.content
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "a task's title", file: "plans/lvxiang-2024-2026/tasks.yaml",
             replace: "进一步强化党委政府责任", with: "进一步强化党委政府安全生产责任", untouched: ["putuo-2022", "chedun-2023"]),
        Edit(name: "a task's lead unit", file: "plans/lvxiang-2024-2026/tasks.yaml",
             replace: "lead: [lvxiang-safety-committee-office]", with: "lead: [lvxiang-police-station]", untouched: ["putuo-2022", "chedun-2023"]),
        Edit(name: "a progress report", file: "plans/lvxiang-2024-2026/progress/2025-09.yaml",
             replace: "status: in_progress", with: "status: done", untouched: ["putuo-2022", "chedun-2023"]),
        Edit(name: "a plan's title", file: "plans/lvxiang-2024-2026/plan.md",
             replace: "吕巷镇安全生产治本攻坚三年行动实施方案（2024—2026年）", with: "吕巷镇安全生产治本攻坚三年行动实施方案", untouched: ["putuo-2022", "chedun-2023"]),
        Edit(name: "a unit's name", file: "units.yaml",
             replace: "上海市普陀区应急管理局", with: "上海市普陀区应急管理局（更名）",
             untouched: ["lvxiang-2024-2026", "chedun-2023"]),
        // The plan that replaces old-2023 and is amended by amend-2024: both show its title.
        Edit(name: "a linked plan's title", file: "plans/new-2024/plan.md",
             replace: "测试区2024年安全生产工作要点, en:", with: "测试区2024年安全生产工作要点（修订）, en:",
             content: Repository.fixture("disclosure")),
        Edit(name: "the site's title", file: "site.yaml", replace: "zh: 安全生产工作公开\n", with: "zh: 安全生产工作公开平台\n", everything: true),
    ]

    static func context(_ root: String) throws -> RenderContext {
        let day = Day(year: 2030, month: 1, day: 1) ?? Day(year: 2000, month: 1, day: 1)!
        let (site, diagnostics) = ContentPipeline.run(contentRoot: root, buildDate: nil, today: day)
        guard let site, !diagnostics.hasErrors else { throw Failure(description: "\(diagnostics.sorted)") }
        let (theme, _) = Theme.load(from: [Repository.templates])
        guard let theme else { throw Failure(description: "no theme") }
        return RenderContext(site: site, theme: theme)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static let before: Result<RenderContext, any Error> = Result { try context(Repository.content) }

    static func pages(_ context: RenderContext) -> [PageAddress: Data] {
        var pages: [PageAddress: Data] = [:]
        for address in SiteRenderer.pageAddresses(context) {
            if case .data(let bytes) = SiteRenderer.renderPage(address, context).file.contents { pages[address] = bytes }
        }
        return pages
    }

    @Test(arguments: edits) func everyChangedPageIsNamed(_ edit: Edit) throws {
        let old = edit.content == Repository.content ? try Self.before.get() : try Self.context(edit.content)
        let root = try Fixture.temporaryFolder()
        try Fixture.copyTree(from: edit.content, to: root)
        let path = root + "/" + edit.file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(edit.replace), "\(edit.file) no longer holds \(edit.replace)")
        try text.replacingOccurrences(of: edit.replace, with: edit.with).write(toFile: path, atomically: false, encoding: .utf8)
        let new = try Self.context(root)

        let dependencies = PageDependencies(from: old.site, to: new.site)
        #expect(dependencies.changes.everything == edit.everything, "\(dependencies.changes)")
        let before = Self.pages(old), after = Self.pages(new)
        var changed = 0
        for (address, bytes) in after where before[address] != bytes {
            changed += 1
            #expect(dependencies.isAffected(address.route), "\(address.outputPath) changed but is not named")
        }
        #expect(changed > 0, "the edit changed no page")
        for plan in edit.untouched {
            let id = PlanID(plan)
            let pages = after.keys.filter { address in
                switch address.route {
                case .plan(let p), .progress(let p), .task(let p, _): p == id
                default: false
                }
            }
            #expect(!pages.isEmpty, "no pages of \(plan)")
            #expect(!pages.contains { dependencies.isAffected($0.route) }, "pages of \(plan) named")
        }
    }
}
