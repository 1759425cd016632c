import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// `gen-site serve`: the served pages are the bytes a build writes, and a
/// saved change is rebuilt and visible under a new version.
@Suite struct ServeTests {
    func get(_ url: String) -> (Int, Data)? {
        let semaphore = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data)?
        guard let address = URL(string: url) else { return nil }
        let task = URLSession.shared.dataTask(with: address) { data, response, _ in
            if let http = response as? HTTPURLResponse { result = (http.statusCode, data ?? Data()) }
            semaphore.signal()
        }
        task.resume()
        _ = semaphore.wait(timeout: .now() + 10)
        return result
    }

    @Test func servesTheBuiltBytesAndRebuildsOnSave() throws {
        let content = try Fixture.write("", base: Repository.fixture("mini"))
        let port = 20000 + Int.random(in: 0..<20000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.genSite)
        process.arguments = ["serve", content, "--port", String(port)]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        let base = "http://127.0.0.1:\(port)/"
        var version: String?
        for _ in 0..<100 {
            if let (status, data) = get(base + "__gen-site/version"), status == 200 { version = String(decoding: data, as: UTF8.self); break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(version == "1")

        let out = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"]).status == 0)
        for path in ["", "en/plans/demo-2024/", "units/demo-fire/", "assets/site.css", "data/tasks.json"] {
            let (status, data) = try #require(get(base + path))
            #expect(status == 200)
            let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
            #expect(data == FileManager.default.contents(atPath: out + "/" + file), "\(path) differs from the build")
        }
        #expect(get(base + "no/such/page/")?.0 == 404)

        // Save a change: the next version shows it.
        let tasks = content + "/plans/demo-2024/tasks.yaml"
        let text = try String(contentsOfFile: tasks, encoding: .utf8)
        // Saved as editors save: a new file renamed over the old one (Foundation's atomic write leaves a folder in /tmp).
        // (The new file is written outside the content folder, so that the preview sees one change.)
        let saved = (content as NSString).deletingLastPathComponent + "/tasks.yaml.saving"
        try text.replacingOccurrences(of: "Study the law", with: "Study the new law").write(toFile: saved, atomically: false, encoding: .utf8)
        #expect(rename(saved, tasks) == 0)
        var changed = false
        for _ in 0..<100 {
            if let (_, data) = get(base + "__gen-site/version"), String(decoding: data, as: UTF8.self) == "2" { changed = true; break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(changed)
        let page = try #require(get(base + "en/plans/demo-2024/tasks/1/"))
        #expect(String(decoding: page.1, as: UTF8.self).contains("Study the new law"))
    }
}
