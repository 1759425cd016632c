import Foundation
import Testing
import TestSupport

/// The progress side, end to end on `Tests/Fixtures/progress` built at
/// 2024-06-30. The expectations are computed by hand from the fixture's
/// reports (see the comments in its tasks.yaml and hazards.yaml):
/// a task with no report, one reported done then reopened, one due on the
/// build date, one delayed past its due date, and a report after the build
/// date that must not count.
@Suite(.serialized) struct ProgressFixtureTests {
    static let built: Result<String, any Error> = Result {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", Repository.fixture("progress"), "-o", out, "--build-date", "2024-06-30"])
        guard result.status == 0 else { throw ExampleSiteTests.BuildFailed(stderr: result.stderr) }
        return out
    }

    func page(_ path: String) throws -> String {
        try String(contentsOfFile: try Self.built.get() + "/" + path, encoding: .utf8)
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try Self.built.get() + "/" + path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The number in the overdue line under a `figures` list (a flag on some tasks, not a fifth status).
    func overdueFlag(_ html: String, after marker: String) -> String? {
        guard let start = html.range(of: marker),
              let flag = html.range(of: "<span class=\"overdue-count\">", range: start.upperBound..<html.endIndex),
              let end = html.range(of: "</span>", range: flag.upperBound..<html.endIndex) else { return nil }
        return String(html[flag.upperBound..<end.lowerBound])
    }

    /// The numbers of a `figures` list in order: done, in progress, delayed, not started, and their total.
    func figures(_ html: String, after marker: String) -> [String] {
        guard let start = html.range(of: marker),
              let list = html.range(of: "<ul class=\"figures status-figures\">", range: start.upperBound..<html.endIndex),
              let end = html.range(of: "</ul>", range: list.upperBound..<html.endIndex) else { return [] }
        let text = String(html[list.upperBound..<end.lowerBound])
        let regex = try? NSRegularExpression(pattern: #"<span class="figure-value">(\d+)</span>"#)
        return regex?.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        } ?? []
    }

    static let expectedCounts = ["total": 5, "done": 1, "in_progress": 2, "delayed": 1, "not_started": 1, "overdue": 2]

    @Test func progressJSONHasTheHandComputedStatuses() throws {
        let data = try json("data/progress.json")
        #expect(data["build_date"] as? String == "2024-06-30")
        #expect(data["sample"] as? Bool == true)
        #expect(data["in_force"] as? [String: Int] == Self.expectedCounts)
        let plans = try #require(data["plans"] as? [[String: Any]])
        let plan = try #require(plans.first)
        #expect(plan["counts"] as? [String: Int] == Self.expectedCounts)
        let reports = try #require(plan["reports"] as? [[String: Any]])
        #expect(reports.map { $0["period"] as? String } == ["2024-03", "2024-05"], "the July report is after the build date")
        let tasks = try #require(plan["tasks"] as? [[String: Any]])
        let byNumber = Dictionary(uniqueKeysWithValues: tasks.map { ($0["no"] as? String ?? "", $0) })
        func status(_ no: String) -> String? { byNumber[no]?["status"] as? String }
        func overdue(_ no: String) -> Bool? { byNumber[no]?["overdue"] as? Bool }
        #expect(status("1") == "done" && overdue("1") == false)
        #expect(status("2") == "in_progress" && overdue("2") == false, "due on the build date is not yet overdue")
        #expect(byNumber["2"]?["percent"] as? Int == 70)
        #expect(status("3") == "in_progress" && overdue("3") == true, "done, then reopened after its milestone")
        #expect(byNumber["3"]?["overdue_since"] as? String == "2024-05-31")
        #expect((byNumber["3"]?["history"] as? [[String: Any]])?.map { $0["status"] as? String } == ["in_progress", "done"])
        #expect(status("4") == "not_started" && overdue("4") == false)
        #expect(byNumber["4"]?["as_of"] is NSNull, "no report on or before the build date mentions task 4")
        #expect(status("5") == "delayed" && overdue("5") == true)
        #expect(byNumber["5"]?["overdue_since"] as? String == "2024-04-30")

        let indicator = try #require((plan["indicators"] as? [[String: Any]])?.first)
        #expect(indicator["current"] as? Double == 95.5)
        #expect(indicator["as_of"] as? String == "2024-05-31")
        #expect((indicator["values"] as? [[String: Any]])?.count == 2)
    }

    @Test func progressPageShowsTheSameFigures() throws {
        for (prefix, marker) in [("", "id=\"figures\""), ("en/", "id=\"figures\"")] {
            let html = try page("\(prefix)plans/demo-2024/progress/index.html")
            // The four statuses add up to the total; overdue (tasks 3 and 5) is counted among them, apart.
            #expect(figures(html, after: marker) == ["1", "2", "1", "1", "5"], "\(prefix) progress figures")
            #expect(overdueFlag(html, after: marker) == "2")
            #expect(!html.contains("<th scope=\"col\">\(prefix.isEmpty ? "逾期" : "Overdue")</th>"), "no overdue column beside the statuses")
            // Delayed and overdue tasks are listed first, longest overdue first: 5 (since April), then 3 (since May).
            let attention = try #require(html.range(of: "id=\"attention\"").flatMap { start in
                html.range(of: "</table>", range: start.upperBound..<html.endIndex).map { String(html[start.upperBound..<$0.lowerBound]) }
            })
            let rows = attention.components(separatedBy: "class=\"col-no\"").dropFirst().compactMap { row in
                row.split(separator: ">").dropFirst(2).first?.split(separator: "<").first.map(String.init)
            }
            #expect(rows == ["5", "3"], "\(prefix) attention list")
            #expect(html.contains("95.5%"))
        }
        let zh = try page("plans/demo-2024/progress/index.html")
        #expect(zh.contains("数据截至2024年6月30日"))
        #expect(try page("en/plans/demo-2024/progress/index.html").contains("Figures as of 30 June 2024"))
    }

    @Test func homeAndUnitPagesCountTheSameWay() throws {
        for prefix in ["", "en/"] {
            let home = try page("\(prefix)index.html")
            #expect(figures(home, after: "id=\"progress\"") == ["1", "2", "1", "1", "5"])
            #expect(overdueFlag(home, after: "id=\"progress\"") == "2")
            // The committee: task 1 done, 5 delayed and overdue (responsible), 4 not started (cooperating).
            let committee = try page("\(prefix)units/demo-committee/index.html")
            #expect(figures(committee, after: "id=\"scorecard\"") == ["1", "0", "1", "1", "3"])
            #expect(overdueFlag(committee, after: "id=\"scorecard\"") == "1")
            let police = try page("\(prefix)units/demo-police/index.html")
            #expect(figures(police, after: "id=\"scorecard\"") == ["0", "1", "0", "1", "2"])
            #expect(overdueFlag(police, after: "id=\"scorecard\"") == "0")
        }
    }

    @Test func taskPagesShowTheirHistoryNewestFirst() throws {
        let html = try page("plans/demo-2024/tasks/3/index.html")
        let may = try #require(html.range(of: "2024年5月31日</time>"))
        let march = try #require(html.range(of: "2024年3月31日</time>"))
        #expect(may.lowerBound < march.lowerBound)
        #expect(html.contains("复查发现问题，重新整改"))
        #expect(try page("plans/demo-2024/tasks/4/index.html").contains("尚无进度报告提及此任务"))
    }

    @Test func hazardsAreOpenFirstWithDaysOpen() throws {
        let data = try json("data/hazards.json")
        let hazards = try #require(data["hazards"] as? [[String: Any]])
        #expect(hazards.map { $0["id"] as? String } == ["h-exit", "h-gas", "h-storage"])
        #expect(hazards.map { $0["days_open"] as? Int } == [172, 60, 60])
        #expect(hazards.map { $0["overdue"] as? Bool } == [true, false, false])
        let html = try page("hazards/index.html")
        #expect(figures(html, after: "<h1>") == ["1", "1", "1", "1"])
        let exit = try #require(html.range(of: "商场消防通道堵塞")), gas = try #require(html.range(of: "餐饮街燃气管道老化"))
        #expect(exit.lowerBound < gas.lowerBound)
    }

    @Test func everyPageWithFiguresSaysTheyAreSamples() throws {
        let out = try Self.built.get()
        for (path, data) in Tree.read(out) where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            let notice = path.hasPrefix("en/") ? "Sample data:" : "示例数据："
            #expect(html.contains("<p class=\"notice notice-sample\" data-search-ignore>\(notice)"), "\(path) lacks the sample notice")
        }
    }

    @Test func tasksJSONListsEveryTaskWithItsUnits() throws {
        let data = try json("data/tasks.json")
        let plan = try #require((data["plans"] as? [[String: Any]])?.first)
        let tasks = try #require(plan["tasks"] as? [[String: Any]])
        #expect(tasks.count == 5)
        #expect(tasks[3]["responsible"] as? [String] == ["demo-police"])
        #expect(tasks[3]["cooperating"] as? [String] == ["demo-committee"])
        #expect((tasks[0]["url"] as? [String: String])?["en"] == "https://example.org/en/plans/demo-2024/tasks/1/")
    }

    @Test func badProgressFilesAreLocatedAndNothingIsWritten() throws {
        let out = try Fixture.temporaryFolder() + "/public"
        let broken = try Fixture.write("""
            -- plans/demo-2024/progress/2024-08.yaml --
            as_of: 2024-08-31
            updates:
              - {task: 9, status: done}
              - {task: 1, status: finished}
              - {task: 2, status: in_progress, percent: 120}
            indicators:
              - {id: helmet, value: 3}
            -- plans/demo-2024/progress/2024-09.yaml --
            as_of: 2025-01-02
            -- plans/demo-2024/progress/2024-10.yaml --
            as_of: 2024-10-01
            -- plans/demo-2024/progress/2024-11.yaml --
            as_of: 2024-09-30
            """, base: Repository.fixture("progress"))
        let result = try CommandRunner.genSite(["build", broken, "-o", out, "--build-date", "2024-12-31"])
        #expect(result.status == 1)
        let file = "\(broken)/plans/demo-2024/progress/"
        for expected in ["2024-08.yaml:3:12: error[unknown-task]", "2024-08.yaml:4:23: error[invalid-value]",
                         "2024-08.yaml:5:45: error[percent-out-of-range]", "2024-08.yaml:7:10: error[unknown-indicator]",
                         "2024-09.yaml:1:8: error[date-outside-period]", "2024-11.yaml:1:1: error[report-out-of-order]"] {
            #expect(result.stderr.contains(file + expected), "missing \(expected) in:\n\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
