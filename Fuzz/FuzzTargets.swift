import Foundation
import SiteModel
import SiteRender

/// Fuzz targets over the entry points that read content: front matter, YAML
/// into the model (site, units, plan, tasks, progress, hazards), CSV
/// statistics, the plain-text importer, and Markdown through cmark-gfm to
/// HTML (with the limits that bound its time and memory). Built with `-sanitize=fuzzer
/// -DFUZZ` by scripts/fuzz.sh, libFuzzer calls LLVMFuzzerTestOneInput and
/// FUZZ_TARGET picks the target. Built normally, the executable replays files
/// (the regression corpus): `gen-site-fuzz TARGET FILE…`.
enum FuzzTargets {
    static let names = ["frontmatter", "yaml", "csv", "import", "markdown"]

    static func run(_ target: String, _ data: Data) {
        switch target {
        case "frontmatter": frontMatter(data)
        case "yaml": yaml(data)
        case "csv": csv(data)
        case "import": importer(data)
        case "markdown": markdown(data)
        default: break
        }
    }

    static func text(_ data: Data) -> String? {
        if case .success(let decoded) = TextDecoding.decode(data) { return decoded.text }
        return nil
    }

    static func frontMatter(_ data: Data) {
        guard let text = text(data) else { return }
        if case .success(let split) = FrontMatter.split(text) { _ = split.body.count + split.yaml.count }
    }

    /// The same bytes as every YAML file of a content folder.
    static func yaml(_ data: Data) {
        guard let text = text(data) else { return }
        let file = { (path: String) in SourceFile(path: path, text: text) }
        var plan = PlanFiles(folder: "fuzz", plan: SourceFile(path: "plans/fuzz/plan.md", text: "---\n" + text + "\n---\n"),
                             tasks: file("plans/fuzz/tasks.yaml"))
        plan.progress = [file("plans/fuzz/progress/2024-01.yaml")]
        var content = LoadedContent(root: "/fuzz", site: file("site.yaml"), units: file("units.yaml"), plans: [plan],
                                    hazards: file("hazards.yaml"))
        content.categories = file("statistics/categories.yaml")
        let (validated, _) = ContentValidator.validate(content)
        if let validated, let day = Day(year: 2024, month: 6, day: 30) { _ = Resolver.resolve(validated, buildDate: day) }
    }

    static func csv(_ data: Data) {
        guard let text = text(data) else { return }
        _ = CSVReader.parse(text)
        var content = LoadedContent(root: "/fuzz", site: SourceFile(path: "site.yaml", text: "title: t\nbase_url: https://e.org/\n"),
                                    units: SourceFile(path: "units.yaml", text: "[]\n"))
        content.accidents = SourceFile(path: "statistics/accidents.csv", text: text)
        content.categories = SourceFile(path: "statistics/categories.yaml",
                                        text: "categories: [{id: road, name: 道路}]\nregions: [{id: north, name: 北区}]\n")
        let (validated, _) = ContentValidator.validate(content)
        if let statistics = validated?.statistics { _ = StatisticsSummary(statistics.records) }
    }

    /// The bytes as a page's Markdown: rendered, headings anchored, diagnostics made.
    static func markdown(_ data: Data) {
        guard let text = text(data) else { return }
        let rendered = MarkdownRenderer(reservedAnchors: ["main", "tasks"]).render(text, file: "notices/fuzz.md", firstLine: 5)
        _ = rendered.html.description.utf8.count + rendered.headings.count + rendered.diagnostics.count
    }

    static func importer(_ data: Data) {
        guard let text = text(data) else { return }
        _ = try? PlanImporter.run(text: text, id: "fuzz", fileName: "fuzz.txt", knownUnits: [])
    }
}

#if FUZZ
let fuzzTarget = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "yaml"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTargets.run(fuzzTarget, Data(bytes: bytes, count: count))
    return 0
}

/// libFuzzer's driver, for the entry point SwiftPM links executables with.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("gen_site_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}
#else
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            FileHandle.standardError.write(Data("usage: gen-site-fuzz \(FuzzTargets.names.joined(separator: "|")) FILE…\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTargets.run(target, data)
        }
        print("replayed \(arguments.count - 1) inputs through \(target)")
    }
}
#endif
