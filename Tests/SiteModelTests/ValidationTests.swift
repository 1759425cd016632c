import Testing
import TestSupport
@testable import SiteModel

/// Content faults, each with the place the diagnostic must point at marked in the fixture.
@Suite struct ValidationTests {
    static let site = """
        -- site.yaml --
        title: {zh: 测试, en: Test}
        base_url: https://example.org/
        """

    /// Runs load → validate → resolve on a fixture and returns the diagnostics.
    func diagnose(_ txtar: String) throws -> (ResolvedSite?, Diagnostics) {
        let root = try Fixture.write(txtar)
        return ContentPipeline.run(contentRoot: root, buildDate: Day(year: 2024, month: 6, day: 30), today: Day(year: 2024, month: 6, day: 30)!)
    }

    func plan(tasks: String, units: String = "- id: u1\n  name: 单位一\n  aliases: [一号单位]\n") -> String {
        Self.site + """

            -- units.yaml --
            \(units)
            -- plans/p1/plan.md --
            ---
            id: p1
            title: 方案
            issued: 2024-01-02
            ---
            Text.
            -- plans/p1/tasks.yaml --
            \(tasks)
            """
    }

    @Test func validContentHasNoDiagnostics() throws {
        let (site, diagnostics) = try diagnose(plan(tasks: "tasks:\n  - no: 1\n    title: 任务\n    responsible: [u1, 一号单位]\n"))
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
        let task = try #require(site?.plans.first?.tasks.first)
        #expect(task.responsible.map(\.id) == [UnitID("u1"), UnitID("u1")])
        #expect(site?.assignments(of: UnitID("u1")).count == 1)
    }

    @Test func unknownUnitIsLocated() throws {
        let marked = MarkedText("tasks:\n  - no: 1\n    title: 任务\n    cooperating: [u1, 1️⃣区应急局]\n")
        let (_, diagnostics) = try diagnose(plan(tasks: marked.text))
        let d = try #require(diagnostics.items.first { $0.code == "unknown-unit" })
        #expect(d.location == SourceLocation(file: "plans/p1/tasks.yaml", line: marked["1️⃣"].line, column: marked["1️⃣"].column))
        #expect(d.severity == .error)
    }

    @Test func ambiguousAliasIsAnError() throws {
        let units = "- id: a\n  name: 甲镇城运中心\n  aliases: [城运中心]\n- id: b\n  name: 乙镇城运中心\n  aliases: [城运中心]\n"
        let marked = MarkedText("tasks:\n  - no: 1\n    title: 任务\n    lead: [1️⃣城运中心]\n")
        let (_, diagnostics) = try diagnose(plan(tasks: marked.text, units: units))
        let d = try #require(diagnostics.items.first { $0.code == "ambiguous-unit" })
        #expect(d.location.line == marked["1️⃣"].line && d.location.column == marked["1️⃣"].column)
        #expect(d.hint?.contains("a, b") == true)
    }

    @Test func duplicateTaskNumbers() throws {
        let marked = MarkedText("tasks:\n  - no: 1\n    title: 甲\n  - no: 1️⃣1\n    title: 乙\n")
        let (_, diagnostics) = try diagnose(plan(tasks: marked.text))
        let d = try #require(diagnostics.items.first { $0.code == "duplicate-task" })
        #expect(d.location.line == marked["1️⃣"].line && d.location.column == marked["1️⃣"].column)
    }

    @Test func impossibleDateAndWrongTypes() throws {
        let marked = MarkedText("tasks:\n  - no: 1\n    title: 1️⃣[a, b]\n  - no: 2\n    title: 乙\n    due: 2️⃣2023-02-30\n")
        let (_, diagnostics) = try diagnose(plan(tasks: marked.text))
        let wrongType = try #require(diagnostics.items.first { $0.code == "wrong-type" })
        #expect(wrongType.location.line == marked["1️⃣"].line && wrongType.location.column == marked["1️⃣"].column)
        let date = try #require(diagnostics.items.first { $0.code == "invalid-date" })
        #expect(date.location.line == marked["2️⃣"].line && date.location.column == marked["2️⃣"].column)
    }

    @Test func yamlSyntaxErrorsAreLocated() throws {
        let (_, diagnostics) = try diagnose(plan(tasks: "tasks:\n  - no: 1\n    title: \"unclosed\n"))
        let d = try #require(diagnostics.items.first { $0.code == "yaml-syntax" })
        #expect(d.location.file == "plans/p1/tasks.yaml")
        #expect(d.location.line >= 3)
    }

    @Test func tabsInYAMLGetAHint() throws {
        let (_, diagnostics) = try diagnose(plan(tasks: "tasks:\n\t- no: 1\n"))
        let d = try #require(diagnostics.items.first { $0.code == "yaml-syntax" })
        #expect(d.location.line == 2)
        #expect(d.hint?.contains("tab") == true)
    }

    @Test func missingTasksFileAndFrontMatter() throws {
        let (_, diagnostics) = try diagnose(Self.site + """

            -- units.yaml --
            - id: u1
              name: 单位
            -- plans/p1/plan.md --
            No front matter here.
            -- plans/p2/plan.md --
            ---
            id: p2
            title: x
            """)
        let codes = Set(diagnostics.items.map(\.code))
        #expect(codes.contains("missing-file"))
        #expect(codes.contains("front-matter-missing"))
        #expect(codes.contains("front-matter-unclosed"))
        #expect(diagnostics.items.contains { $0.code == "missing-file" && $0.location.file == "plans/p1/tasks.yaml" })
    }

    @Test func duplicateUnitIDs() throws {
        let units = "- id: u1\n  name: 甲\n- id: u1\n  name: 乙\n"
        let (_, diagnostics) = try diagnose(plan(tasks: "tasks:\n  - no: 1\n    title: 任务\n", units: units))
        let d = try #require(diagnostics.items.first { $0.code == "duplicate-id" })
        #expect(d.location == SourceLocation(file: "units.yaml", line: 3, column: 7))
    }

    @Test func allProblemsInOneRun() throws {
        let tasks = "tasks:\n  - no: 1\n    title: 任务\n    lead: [x1]\n    due: 2024-02-31\n  - no: 2\n    title: 乙\n    group: nowhere\n"
        let (_, diagnostics) = try diagnose(plan(tasks: tasks))
        #expect(Set(diagnostics.items.map(\.code)) == ["unknown-unit", "invalid-date", "unknown-group"])
    }

    @Test func misspelledKeyGetsAHint() throws {
        let (_, diagnostics) = try diagnose(plan(tasks: "tasks:\n  - no: 1\n    title: 任务\n    responsable: [u1]\n"))
        let d = try #require(diagnostics.items.first { $0.code == "unknown-key" })
        #expect(d.severity == .warning)
        #expect(d.hint == "did you mean `responsible`?")
    }

    @Test func deeplyNestedYAMLIsRefusedWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let (_, diagnostics) = try diagnose(plan(tasks: "tasks: \(deep)\n"))
        #expect(diagnostics.items.contains { $0.code == "yaml-too-deep" })
    }

    @Test func billionLaughsIsRefused() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...30 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let (_, diagnostics) = try diagnose(plan(tasks: yaml + "tasks: *a30\n"))
        #expect(diagnostics.items.contains { $0.code == "yaml-aliases" })
    }
}

/// A unit's kind: the levels and types real plans name, in English or Chinese.
@Suite struct UnitKindTests {
    @Test func everyLevelRealContentHasIsAccepted() throws {
        let written: [(String, Unit.Kind)] = [
            ("city", .city), ("市", .city), ("district", .district), ("区", .district), ("县", .district), ("county", .district),
            ("town", .town), ("镇", .town), ("乡", .town), ("township", .town), ("subdistrict", .subdistrict), ("街道", .subdistrict),
            ("village", .village), ("村", .village), ("居委", .village), ("居委会", .village), ("government", .government),
            ("委办局", .government), ("enterprise", .enterprise), ("企业", .enterprise), ("branch", .branch), ("所", .branch),
            ("institution", .institution), ("事业单位", .institution), ("party", .party), ("committee", .committee),
            ("police", .police), ("fire", .fire), ("collective", .collective), ("其他", .other),
        ]
        let units = written.enumerated().map { "- id: u\($0.offset)\n  name: 单位\($0.offset)\n  kind: \($0.element.0)" }.joined(separator: "\n")
        let root = try Fixture.write("""
            -- site.yaml --
            title: {zh: 测试, en: Test}
            base_url: https://example.org/
            -- units.yaml --
            \(units)
            """)
        let (site, diagnostics) = ContentPipeline.run(contentRoot: root, buildDate: nil, today: Day(year: 2024, month: 6, day: 30)!)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items)")
        let kinds = Dictionary(uniqueKeysWithValues: (site?.units ?? []).map { ($0.id.rawValue, $0.kind) })
        for (offset, (word, kind)) in written.enumerated() { #expect(kinds["u\(offset)"] == kind, "\(word)") }
    }

    @Test func anUnknownKindIsAnError() throws {
        let root = try Fixture.write("""
            -- site.yaml --
            title: {zh: 测试, en: Test}
            base_url: https://example.org/
            -- units.yaml --
            - id: u1
              name: 单位
              kind: 部委
            """)
        let (_, diagnostics) = ContentPipeline.run(contentRoot: root, buildDate: nil, today: Day(year: 2024, month: 6, day: 30)!)
        #expect(diagnostics.items.map(\.code) == ["invalid-value"])
        #expect(diagnostics.items.first?.location.line == 3)
    }

    @Test func theImporterTellsTheLevelsApart() {
        let names: [(String, Unit.Kind)] = [
            ("上海市人民政府", .city), ("普陀区人民政府", .district), ("吕巷镇人民政府", .town), ("长寿路街道办事处", .subdistrict),
            ("和平村村民委员会", .village), ("镇市场监管所", .branch), ("镇城运中心", .institution), ("区应急局", .government),
            ("镇安委会", .committee), ("镇属公司", .enterprise), ("各街道", .collective), ("派出所", .police),
        ]
        for (name, kind) in names { #expect(UnitAllocator.kind(name) == kind, "\(name)") }
    }
}
