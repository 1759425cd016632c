import Testing
@testable import SiteRender
import SiteModel

/// Every link on a page is made relative to the page's folder; the byte scan that makes them
/// must say what splitting both paths into folders would.
@Suite struct RelativeLinkTests {
    static let folders = ["", "en/", "plans/", "plans/p/", "plans/p/tasks/1/", "plans/p-2/", "en/plans/p/", "units/x/",
                          "en/units/x/", "data/", "notices/page/2/", "pages/关于/", "en/plans/p/progress/"]
    static let targets = folders + ["feed.xml", "en/feed.xml", "data/tasks.json", "plans/p/attachments/a b.pdf", "plans/pp/", "plan"]

    @Test func bytesAgreeWithFolders() {
        for from in Self.folders {
            for to in Self.targets {
                #expect(PageAddress.relative(from: from, to: to) == Self.byFolders(from: from, to: to), "\(from) → \(to)")
            }
        }
        #expect(PageAddress.relative(from: "en/plans/p/", to: "en/units/x/") == "../../units/x/")
        #expect(PageAddress.relative(from: "data/", to: "data/") == "./")
        #expect(PageAddress.relative(from: "plans/p/", to: "") == "../../")
    }

    /// The plain way: drop the folders both share, climb out of the rest of `from`, go down `to`.
    static func byFolders(from: String, to: String) -> String {
        let a = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var b = to.split(separator: "/", omittingEmptySubsequences: false)
        let file = b.removeLast()
        var shared = 0
        while shared < a.count, shared < b.count, a[a.startIndex + shared] == b[shared] { shared += 1 }
        let link = String(repeating: "../", count: a.count - shared) + b[shared...].map { $0 + "/" }.joined() + file
        return link.isEmpty ? "./" : link
    }

    @Test func rootPrefixClimbsEveryFolder() {
        #expect(PageAddress(.home, .zh).rootPrefix == "")
        #expect(PageAddress(.home, .en).rootPrefix == "../")
        #expect(PageAddress(.task(PlanID("p"), TaskNumber("3")), .en).rootPrefix == "../../../../../")
    }
}
