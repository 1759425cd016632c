import Foundation
import TestSupport

/// The cases of BadInputCorpusTests. Lines are file lines, 1-based.
enum BadInputCorpus {
    static func write(_ root: String, _ path: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static let cases: [BadInput] = [
        // YAML syntax
        BadInput(name: "tab indentation in units.yaml", files: "-- units.yaml --\n- id: a\n\tname: 甲\n", code: "yaml-syntax", file: "units.yaml", line: 2),
        BadInput(name: "bad indentation in tasks.yaml", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n     title: x\n", code: "yaml-syntax", file: "plans/demo-2024/tasks.yaml", line: 3),
        BadInput(name: "unclosed quote in site.yaml", files: "-- site.yaml --\ntitle: \"安全\nbase_url: https://example.org/\n", code: "yaml-syntax", file: "site.yaml", line: nil),
        BadInput(name: "unclosed flow mapping in tasks.yaml", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - {no: 1, title: x\n", code: "yaml-syntax", file: "plans/demo-2024/tasks.yaml", line: nil),
        // Front matter
        BadInput(name: "plan.md without front matter", files: "-- plans/demo-2024/plan.md --\n# 标题\n\n正文。\n", code: "front-matter-missing", file: "plans/demo-2024/plan.md", line: 1),
        BadInput(name: "unclosed front matter", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\n\n正文。\n", code: "front-matter-unclosed", file: "plans/demo-2024/plan.md", line: 1),
        BadInput(name: "front matter is a list", files: "-- plans/demo-2024/plan.md --\n---\n- id: demo-2024\n---\n正文\n", code: "wrong-type", file: "plans/demo-2024/plan.md", line: 2),
        BadInput(name: "plan without a title", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\nissued: 2024-03-01\n---\n正文\n", code: "missing-key", file: "plans/demo-2024/plan.md", line: nil),
        // Wrong types and values
        BadInput(name: "a list where text is expected", files: "-- site.yaml --\ntitle: [安全, 生产]\nbase_url: https://example.org/\n", code: "wrong-type", file: "site.yaml", line: 1),
        BadInput(name: "a number for a date", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: x\n    responsible: [demo-police]\n    due: 20240630\n", code: "invalid-date", file: "plans/demo-2024/tasks.yaml", line: 5),
        BadInput(name: "impossible date 2023-02-30", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: x\n    responsible: [demo-police]\n    due: 2023-02-30\n", code: "invalid-date", file: "plans/demo-2024/tasks.yaml", line: 5),
        BadInput(name: "unknown plan status", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\nstatus: active\n---\n正文\n", code: "invalid-value", file: "plans/demo-2024/plan.md", line: 5),
        BadInput(name: "period ends before it starts", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\nperiod: {start: 2024-12-31, end: 2024-01-01}\n---\n正文\n", code: "invalid-period", file: "plans/demo-2024/plan.md", line: 5),
        BadInput(name: "base_url not absolute", files: "-- site.yaml --\ntitle: 安全\nbase_url: example.org\n", code: "invalid-url", file: "site.yaml", line: 2),
        // Ids and references
        BadInput(name: "invalid unit id", files: "-- units.yaml --\n- id: Police Station\n  name: 派出所\n", code: "invalid-id", file: "units.yaml", line: 1),
        BadInput(name: "duplicate unit id", files: "-- units.yaml --\n- id: demo-police\n  name: 派出所\n- id: demo-police\n  name: 派出所二\n- id: demo-fire\n  name: 消防站\n- id: demo-committee\n  name: 安委会\n- id: demo-villages\n  name: 各村\n", code: "duplicate-id", file: "units.yaml", line: 3),
        BadInput(name: "duplicate task number", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-police]\n  - no: 1\n    title: b\n    responsible: [demo-police]\n", code: "duplicate-task", file: "plans/demo-2024/tasks.yaml", line: 5),
        BadInput(name: "reference to an unknown unit", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-polic]\n", code: "unknown-unit", file: "plans/demo-2024/tasks.yaml", line: 4),
        BadInput(name: "unknown issuer", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\nissuer: nobody\n---\n正文\n", code: "unknown-unit", file: "plans/demo-2024/plan.md", line: 5),
        BadInput(name: "task in an unknown group", files: "-- plans/demo-2024/tasks.yaml --\ngroups:\n  - {id: part-1, title: 一}\ntasks:\n  - no: 1\n    group: part-9\n    title: a\n    responsible: [demo-police]\n", code: "unknown-group", file: "plans/demo-2024/tasks.yaml", line: 5),
        BadInput(name: "plan id differs from its folder", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2025\ntitle: 标题\nissued: 2024-03-01\n---\n正文\n", code: "plan-id-mismatch", file: "plans/demo-2024/plan.md", line: 2),
        // Missing and empty files
        BadInput(name: "plan without tasks.yaml", setup: { root in try FileManager.default.removeItem(atPath: root + "/plans/demo-2024/tasks.yaml") }, code: "missing-file", file: "plans/demo-2024/tasks.yaml", line: nil),
        BadInput(name: "empty site.yaml", files: "-- site.yaml --\n", code: "empty-document", file: "site.yaml", line: 1),
        BadInput(name: "empty tasks.yaml", setup: { root in try write(root, "plans/demo-2024/tasks.yaml", []) }, code: "empty-file", file: "plans/demo-2024/tasks.yaml", line: nil),
        BadInput(name: "a folder where tasks.yaml should be", setup: { root in
            try FileManager.default.removeItem(atPath: root + "/plans/demo-2024/tasks.yaml")
            try FileManager.default.createDirectory(atPath: root + "/plans/demo-2024/tasks.yaml", withIntermediateDirectories: true)
        }, code: "not-a-file", file: "plans/demo-2024/tasks.yaml", line: nil),
        // Encodings and bytes
        BadInput(name: "binary units.yaml", setup: { root in try write(root, "units.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]) }, code: "binary-file", file: "units.yaml", line: nil),
        BadInput(name: "invalid UTF-8 in plan.md", setup: { root in
            try write(root, "plans/demo-2024/plan.en.md", Array("Line one\nLine two ".utf8) + [0xC3, 0x28] + Array(" end\n".utf8))
        }, code: "invalid-encoding", file: "plans/demo-2024/plan.en.md", line: 2),
        BadInput(name: "a 50 MB file", setup: { root in
            try write(root, "plans/demo-2024/plan.en.md", Array(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024))
        }, code: "file-too-large", file: "plans/demo-2024/plan.en.md", line: nil),
        // YAML bombs
        BadInput(name: "deeply nested YAML", files: "-- units.yaml --\n" + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n", code: "yaml-too-deep", file: "units.yaml", line: nil),
        BadInput(name: "billion laughs", files: "-- units.yaml --\n" + laughs, code: "yaml-aliases", file: "units.yaml", line: nil),
        // Paths leaving the content folder
        BadInput(name: "symlink to a file outside", setup: { root in
            try FileManager.default.removeItem(atPath: root + "/units.yaml")
            try FileManager.default.createSymbolicLink(atPath: root + "/units.yaml", withDestinationPath: "/etc/passwd")
        }, code: "outside-content", file: "units.yaml", line: nil),
        BadInput(name: "symlinked plan folder outside", setup: { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/plans/escape", withDestinationPath: "/tmp")
        }, code: "outside-content", file: "plans/escape", line: nil),
        BadInput(name: "attachment path with ..", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\nattachments:\n  - file: ../../../etc/passwd\n    title: 原文\n---\n正文\n", code: "invalid-path", file: "plans/demo-2024/plan.md", line: 6),
        BadInput(name: "attachment that does not exist", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\nattachments:\n  - file: missing.pdf\n    title: 原文\n---\n正文\n", code: "missing-attachment", file: "plans/demo-2024/plan.md", line: 6),
        // Progress reports
        BadInput(name: "progress report for an unknown task", files: "-- plans/demo-2024/progress/2024-05.yaml --\nas_of: 2024-05-31\nupdates:\n  - {task: 99, status: done}\n", code: "unknown-task", file: "plans/demo-2024/progress/2024-05.yaml", line: 3),
        BadInput(name: "progress percent over 100", files: "-- plans/demo-2024/progress/2024-05.yaml --\nas_of: 2024-05-31\nupdates:\n  - {task: 1, status: in_progress, percent: 150}\n", code: "percent-out-of-range", file: "plans/demo-2024/progress/2024-05.yaml", line: 3),
        BadInput(name: "progress report badly named", files: "-- plans/demo-2024/progress/may.yaml --\nas_of: 2024-05-31\n", code: "invalid-report-name", file: "plans/demo-2024/progress/may.yaml", line: 1),
        // Hazards
        BadInput(name: "closed hazard without a date", files: "-- hazards.yaml --\n- id: h1\n  name: 通道堵塞\n  listed: 2024-01-01\n  status: closed\n", code: "missing-key", file: "hazards.yaml", line: 4),
        BadInput(name: "hazard with an unknown status", files: "-- hazards.yaml --\n- id: h1\n  name: 通道堵塞\n  listed: 2024-01-01\n  status: fixed\n", code: "invalid-value", file: "hazards.yaml", line: 4),
        // Statistics
        BadInput(name: "statistics without categories.yaml", files: "-- statistics/accidents.csv --\nperiod,region,category,accidents,deaths,injuries,loss\n2024,a,b,1,0,0,1\n", code: "missing-file", file: "statistics/accidents.csv", line: 1),
        BadInput(name: "CSV with an unclosed quote", files: "-- statistics/categories.yaml --\ncategories: [{id: road, name: 道路}]\nregions: [{id: north, name: 北区}]\n-- statistics/accidents.csv --\nperiod,region,category,accidents,deaths,injuries,loss\n2024,\"north,road,1,0,0,1\n", code: "csv-syntax", file: "statistics/accidents.csv", line: 2),
        // Notices
        BadInput(name: "notice named without a date", files: "-- notices/spring-check.md --\n---\ntitle: 通知\n---\n正文\n", code: "invalid-name", file: "notices/spring-check.md", line: 1),
        BadInput(name: "notice without a title", files: "-- notices/2024-05-01-check.md --\n---\ntags: []\n---\n正文\n", code: "missing-key", file: "notices/2024-05-01-check.md", line: nil),
        // Values left empty, out of range or ambiguous
        BadInput(name: "an empty task title", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: \"\"\n    responsible: [demo-police]\n", code: "empty-value", file: "plans/demo-2024/tasks.yaml", line: 3),
        BadInput(name: "a plan title with nothing after it", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle:\nissued: 2024-03-01\n---\n正文\n", code: "empty-value", file: "plans/demo-2024/plan.md", line: 3),
        BadInput(name: "a unit name of spaces", files: "-- units.yaml --\n- id: demo-police\n  name: \"   \"\n- id: demo-fire\n  name: 消防站\n- id: demo-committee\n  name: 安委会\n- id: demo-villages\n  name: 各村\n", code: "empty-value", file: "units.yaml", line: 2),
        BadInput(name: "a language listed twice", files: "-- site.yaml --\ntitle: 安全\nbase_url: https://example.org/\nlanguages: [zh, zh]\n", code: "invalid-value", file: "site.yaml", line: 3),
        BadInput(name: "negative copies", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\ncopies: -30\n---\n正文\n", code: "invalid-value", file: "plans/demo-2024/plan.md", line: 5),
        BadInput(name: "a task number with a leading zero", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 01\n    title: a\n    responsible: [demo-police]\n", code: "invalid-task-number", file: "plans/demo-2024/tasks.yaml", line: 2),
        BadInput(name: "task number 0", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 0\n    title: a\n    responsible: [demo-police]\n", code: "invalid-task-number", file: "plans/demo-2024/tasks.yaml", line: 2),
        BadInput(name: "a hexadecimal count in the CSV", files: "-- statistics/categories.yaml --\ncategories: [{id: road, name: 道路}]\nregions: [{id: north, name: 北区}]\n-- statistics/accidents.csv --\nperiod,region,category,accidents,deaths,injuries,loss\n2024,north,road,0x10,0,0,1\n", code: "invalid-number", file: "statistics/accidents.csv", line: 2),
        BadInput(name: "a table too large to render", files: "-- notices/2024-05-01-table.md --\n---\ntitle: 表\n---\n\n" + String(repeating: "|a", count: 400) + "|\n" + String(repeating: "|-", count: 400) + "|\n" + String(repeating: "x\n", count: 400),
                 code: "table-too-large", file: "notices/2024-05-01-table.md", line: 5),
        BadInput(name: "an attachment name with a right-to-left override", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-03-01\nattachments:\n  - file: \"fdp\u{202E}.exe\"\n    title: 原文\n---\n正文\n", code: "invalid-path", file: "plans/demo-2024/plan.md", line: 6),
        // Numbers past what content may use: each refused where it is read (they crashed the renderer)
        BadInput(name: "an indicator baseline of 1e300", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-police]\nindicators:\n  - id: rate\n    title: 比率\n    baseline: 1e300\n    target: 100\n", code: "number-out-of-range", file: "plans/demo-2024/tasks.yaml", line: 8),
        BadInput(name: "an indicator target past Int64", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-police]\nindicators:\n  - id: rate\n    title: 比率\n    baseline: 0\n    target: 99999999999999999999\n", code: "number-out-of-range", file: "plans/demo-2024/tasks.yaml", line: 9),
        BadInput(name: "an indicator value of 1e17", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-police]\nindicators:\n  - {id: rate, title: 比率, baseline: 0, target: 100}\n-- plans/demo-2024/progress/2024-05.yaml --\nas_of: 2024-05-31\nindicators:\n  - {id: rate, value: 1e17}\n", code: "number-out-of-range", file: "plans/demo-2024/progress/2024-05.yaml", line: 3),
        BadInput(name: "an indicator value of inf", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-police]\nindicators:\n  - {id: rate, title: 比率, baseline: 0, target: 100}\n-- plans/demo-2024/progress/2024-05.yaml --\nas_of: 2024-05-31\nindicators:\n  - {id: rate, value: .inf}\n", code: "wrong-type", file: "plans/demo-2024/progress/2024-05.yaml", line: 3),
        BadInput(name: "a CSV count past Int64", files: "-- statistics/categories.yaml --\ncategories: [{id: road, name: 道路}]\nregions: [{id: north, name: 北区}, {id: south, name: 南区}]\n-- statistics/accidents.csv --\nperiod,region,category,accidents,deaths,injuries,loss\n2024,north,road,9223372036854775807,0,0,1\n2024,south,road,9223372036854775807,0,0,1\n", code: "number-out-of-range", file: "statistics/accidents.csv", line: 2),
        BadInput(name: "a CSV loss of 1e300 written out", files: "-- statistics/categories.yaml --\ncategories: [{id: road, name: 道路}]\nregions: [{id: north, name: 北区}]\n-- statistics/accidents.csv --\nperiod,region,category,accidents,deaths,injuries,loss\n2024,north,road,1,0,0,1" + String(repeating: "0", count: 300) + "\n", code: "number-out-of-range", file: "statistics/accidents.csv", line: 2),
        // Links, loops and text that cannot be published, in content and in a site's own templates
        BadInput(name: "a template asset linked to a file outside", setup: { root in
            try FileManager.default.createDirectory(atPath: root + "/templates/assets", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/templates/assets/passwd.txt", withDestinationPath: "/etc/passwd")
        }, code: "outside-content", file: "templates/assets/passwd.txt", line: 1),
        BadInput(name: "two folder links that loop", setup: { root in
            try FileManager.default.createDirectory(atPath: root + "/extra/deeper", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/extra/deeper/up", withDestinationPath: "../..")
            try FileManager.default.createSymbolicLink(atPath: root + "/extra/back", withDestinationPath: "..")
        }, code: "symlink-loop", file: "extra/deeper/up", line: 1),
        BadInput(name: "a site template that is not UTF-8", setup: { root in
            try write(root, "templates/home.mustache", Array("{{<layout}}{{$main}}".utf8) + [0xFF, 0xFE, 0x41] + Array("{{/main}}{{/layout}}\n".utf8))
        }, code: "invalid-encoding", file: "templates/home.mustache", line: 1),
        BadInput(name: "a noncharacter in a task title", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: \"消防\u{FFFE}检查\"\n    responsible: [demo-police]\n", code: "invalid-character", file: "plans/demo-2024/tasks.yaml", line: 3),
        BadInput(name: "a control character written as a YAML escape", files: "-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: \"消防\\x01检查\"\n    responsible: [demo-police]\n", code: "invalid-character", file: "plans/demo-2024/tasks.yaml", line: 3),
        BadInput(name: "a noncharacter written as a YAML escape in front matter", files: "-- notices/2024-05-01-check.md --\n---\ntitle: \"通知\\uFFFE\"\n---\n正文\n", code: "invalid-character", file: "notices/2024-05-01-check.md", line: 2),
        BadInput(name: "a control character written as a character reference", files: "-- notices/2024-05-01-check.md --\n---\ntitle: 通知\n---\n正文\n\n第二段&#x1B;[31m红字\n", code: "invalid-character", file: "notices/2024-05-01-check.md", line: 6),
        BadInput(name: "a form feed in a notice", files: "-- notices/2024-05-01-check.md --\n---\ntitle: 通知\n---\n第一页\u{0C}第二页\n", code: "invalid-character", file: "notices/2024-05-01-check.md", line: 4),
        BadInput(name: "YAML aliases as mapping keys", files: "-- units.yaml --\n- id: demo-police\n  name: &n 派出所\n  *n : x\n", code: "yaml-aliases", file: "units.yaml", line: 2),
        BadInput(name: "a notice of nested list markers", files: "-- notices/2024-05-01-deep.md --\n---\ntitle: 通知\n---\n" + String(repeating: "- ", count: 100_000) + "x\n", code: "markdown-too-deep", file: "notices/2024-05-01-deep.md", line: 4),
        BadInput(name: "a table row of 100,000 pipes", files: "-- notices/2024-05-01-pipes.md --\n---\ntitle: 通知\n---\n|a|\n|-|\n" + String(repeating: "|", count: 100_000) + "\n", code: "table-too-large", file: "notices/2024-05-01-pipes.md", line: 6),
        // Huge YAML: refused before parsing (19 MB took 11 s to decode and made 300,000 pages)
        BadInput(name: "a 5 MB units.yaml", setup: { root in
            var text = "- id: demo-police\n  name: 派出所\n- id: demo-fire\n  name: 消防站\n- id: demo-committee\n  name: 安委会\n- id: demo-villages\n  name: 各村\n"
            var unit = 0
            while text.utf8.count < 5 * 1024 * 1024 { text += "- id: unit-\(unit)\n  name: {zh: 单位\(unit)安全生产委员会办公室, en: Unit \(unit) safety office}\n"; unit += 1 }
            try write(root, "units.yaml", Array(text.utf8))
        }, code: "yaml-too-large", file: "units.yaml", line: 1),
        BadInput(name: "more than 5,000 units", setup: { root in
            var text = "- id: demo-police\n  name: 派出所\n- id: demo-fire\n  name: 消防站\n- id: demo-committee\n  name: 安委会\n- id: demo-villages\n  name: 各村\n"
            for unit in 0..<5_000 { text += "- {id: unit-\(unit), name: 单位\(unit)}\n" }
            try write(root, "units.yaml", Array(text.utf8))
        }, code: "too-many-items", file: "units.yaml", line: 5_005),
        // One run shows every problem
        BadInput(name: "tasks.yaml checked when plan.md has a bad date", files: "-- plans/demo-2024/plan.md --\n---\nid: demo-2024\ntitle: 标题\nissued: 2024-02-30\n---\n正文\n-- plans/demo-2024/tasks.yaml --\ntasks:\n  - no: 1\n    title: a\n    responsible: [demo-police]\n    due: 2024-06-31\n",
                 code: "invalid-date", file: "plans/demo-2024/tasks.yaml", line: 5),
        BadInput(name: "notices checked when site.yaml does not parse", files: "-- site.yaml --\ntitle: 安全\nbase_url: \"https://example.org/\n-- notices/2024-05-01-check.md --\n---\ntags: []\n---\n正文\n", code: "missing-key", file: "notices/2024-05-01-check.md", line: nil),
        // Templates of a site
        BadInput(name: "a site template that does not parse", files: "-- templates/home.mustache --\n{{#open}}\n", code: "template-syntax", file: "templates/home.mustache", line: nil),
        BadInput(name: "a site template including one that does not exist", files: "-- templates/home.mustache --\n{{<layout}}{{$main}}{{>no-such-part}}{{/main}}{{/layout}}\n",
                 code: "missing-template", file: "templates/home.mustache", line: nil),
        BadInput(name: "a site template writing text unescaped", files: "-- templates/home.mustache --\n{{<layout}}{{$main}}\n<h1>{{{site_title}}}</h1>\n{{/main}}{{/layout}}\n",
                 code: "template-unescaped-text", file: "templates/home.mustache", line: 2),
    ]

    static let laughs: String = {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        return text
    }()
}
