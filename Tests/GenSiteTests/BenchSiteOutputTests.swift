import Foundation
import Testing
import TestSupport

/// The 2,000-page bench site (scripts/bench.py makes it the same every time) built at a fixed
/// date, search index included, file by file, is the reviewed output in
/// Golden/bench-2000.files: a speed-up or a refactoring changes no byte of a large site either.
/// The generator reads the interface strings with PyYAML (python3-yaml, which `make deps` installs).
@Suite struct BenchSiteOutputTests {
    static let python = "/usr/bin/python3"

    @Test func theBenchSiteIsTheReviewedOutput() throws {
        let hasYAML = (try? CommandRunner.run(Self.python, ["-c", "import yaml"]).status) == 0
        try #require(hasYAML, "\(Self.python) with PyYAML (Debian's python3-yaml, installed by make deps) generates the bench site")
        let work = try Fixture.temporaryFolder()
        let generated = try CommandRunner.run(Self.python, [Repository.path("scripts/bench.py"), "--generate-only"],
                                              environment: ["BENCH_PAGES": "2000", "BENCH_DIR": work])
        try #require(generated.status == 0, "scripts/bench.py --generate-only failed:\n\(generated.stderr)")
        let out = work + "/public"
        let built = try CommandRunner.genSite(["build", work + "/content", "-o", out, "--build-date", "2026-12-01"])
        try #require(built.status == 0, "gen-site build failed:\n\(built.stderr)")
        let diff = Golden.compare(Tree.listing(out), to: Repository.path("Tests/GenSiteTests/Golden/bench-2000.files"))
        #expect(diff == nil, "\(diff ?? "")")
    }
}
