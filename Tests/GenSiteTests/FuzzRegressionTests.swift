import Foundation
import Testing
import TestSupport

/// Replays the fuzz targets' regression inputs (Tests/Fixtures/fuzz/<target>/,
/// where scripts/fuzz.sh puts crashing inputs) and the seeds they started
/// from, with the normally built replayer: none may crash.
@Suite struct FuzzRegressionTests {
    static var replayer: String {
        URL(fileURLWithPath: CommandRunner.genSite).deletingLastPathComponent().appendingPathComponent("gen-site-fuzz").path
    }

    static func files(_ folder: String, _ suffixes: [String]) -> [String] {
        let root = Repository.path(folder)
        guard let items = FileManager.default.enumerator(atPath: root) else { return [] }
        return items.compactMap { $0 as? String }.filter { name in suffixes.contains { name.hasSuffix($0) } || suffixes.isEmpty }
            .map { root + "/" + $0 }.sorted()
    }

    @Test(arguments: ["frontmatter", "yaml", "csv", "import", "markdown"])
    func inputsReplayWithoutACrash(_ target: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.replayer) else {
            Issue.record("gen-site-fuzz is not built next to gen-site"); return
        }
        let seeds: [String] = switch target {
        case "frontmatter", "markdown": Self.files("Tests/Fixtures", [".md"])
        case "yaml": Self.files("Tests/Fixtures", [".yaml"])
        case "csv": Self.files("Tests/Fixtures", [".csv"])
        default: Self.files("Tests/Fixtures/seeds", [".txt"]) + Self.files("Tests/Fixtures/import", [".txt"])
        }
        let regressions = Self.files("Tests/Fixtures/fuzz/\(target)", [])
        let inputs = seeds + regressions
        #expect(!inputs.isEmpty)
        let result = try CommandRunner.run(Self.replayer, [target] + inputs)
        #expect(result.status == 0, "\(target) crashed (status \(result.status)):\n\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("replayed \(inputs.count) inputs"))
    }
}
