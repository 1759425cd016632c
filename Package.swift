// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gen-site",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gen-site", targets: ["gen-site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Word files (.docx) and workbooks (.xlsx) are ZIP archives: `gen-site import` reads .docx with
        // ZIPFoundation, and the spreadsheet commands write .xlsx with it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // cmark-gfm and its extensions, from Debian's libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev; pkg-config `libcmark-gfm` links both.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libxml2's HTML parser, from Debian's libxml2-dev: `gen-site import` reads saved web pages with it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib, from Debian's zlib1g-dev: the spreadsheet reader inflates workbook parts itself
        // (ZIPFoundation 0.9.20 loops forever on a deflate stream cut short).
        .systemLibrary(name: "CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The content model: loading, validation, resolution. Knows nothing of HTML.
        .target(
            name: "SiteModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Markdown, templates (our own Mustache renderer), pages, feeds and the output writer.
        .target(
            name: "SiteRender",
            dependencies: [
                "SiteModel",
                "CCmarkGFM",
            ]
        ),
        // `gen-site import`'s readers: a web page (libxml2), a Word file (ZIPFoundation and Foundation's
        // XMLParser), a PDF (pdftotext), a text file — each into SiteModel's ImportDocument.
        .target(
            name: "ImportReaders",
            dependencies: ["SiteModel", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Spreadsheets in and out: Office Open XML workbooks (our own SpreadsheetML, zipped by
        // ZIPFoundation) and CSV; the monthly progress forms and the responsibility list.
        .target(
            name: "SiteSheets",
            dependencies: ["SiteModel", "CZlibInflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The command line: arguments, terminal, exit codes.
        .executableTarget(
            name: "gen-site",
            dependencies: [
                "SiteModel",
                "SiteRender",
                "ImportReaders",
                "SiteSheets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets (scripts/fuzz.sh builds them with libFuzzer); built normally, a corpus replayer.
        .executableTarget(name: "gen-site-fuzz", dependencies: ["SiteModel", "SiteRender"], path: "Fuzz"),
        // Helpers shared by the test targets: inline fixtures, golden files, line diffs.
        .target(name: "TestSupport", dependencies: ["SiteModel"], path: "Tests/TestSupport"),
        .testTarget(name: "SiteModelTests", dependencies: ["SiteModel", "TestSupport"]),
        .testTarget(
            name: "ImportReadersTests",
            dependencies: ["ImportReaders", "SiteModel", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "SiteRenderTests",
            // swift-mustache renders the same templates in a test, as the reference for our renderer.
            dependencies: ["SiteModel", "SiteRender", "TestSupport", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Golden"]
        ),
        .testTarget(name: "SiteSheetsTests", dependencies: ["SiteModel", "SiteSheets", "TestSupport"]),
        .testTarget(
            name: "GenSiteTests",
            dependencies: ["SiteModel", "SiteRender", "SiteSheets", "TestSupport", "gen-site"],
            exclude: ["Golden"]
        ),
    ]
)
