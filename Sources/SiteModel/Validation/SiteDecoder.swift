import Yams

/// Decodes site.yaml.
enum SiteDecoder {
    static let keys = ["title", "description", "base_url", "languages", "region", "publisher", "sample",
                       "hotlines", "channels", "nav", "tags", "build_date",
                       "sponsor", "organizer", "site_code", "icp", "police_filing", "contact", "tool_credit"]

    static func decode(_ file: SourceFile, into diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return nil }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = reader.mapping(root, "site.yaml") else { return nil }
        reader.checkKeys(map, known: keys)

        let title = reader.required(map, "title", "site.yaml").flatMap { reader.text($0, "title") }
        var baseURL = reader.required(map, "base_url", "site.yaml").flatMap { reader.string($0, "base_url") }
        if let url = baseURL, let node = map["base_url"] {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") || url.contains("\"") {
                reader.error(.invalidUrl, node, "base_url 应为绝对网址 (base_url must be an absolute http(s) URL): \(url)",
                             hint: "for example https://work-safety.example.org/")
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        var languages: [Language] = [.zh, .en]
        if let node = map["languages"] {
            let items = reader.list(node, "languages").compactMap { item -> Language? in
                reader.choice(item, "languages", Language.self)
            }
            if Set(items).count != items.count {
                reader.error(.invalidValue, node, "语言重复 (a language is listed twice)", hint: "languages: [zh, en]")
            } else if items.first != .zh {
                reader.error(.invalidValue, node, "第一种语言必须是 zh (the first language must be zh)",
                             hint: "languages: [zh, en]")
            } else {
                languages = items
            }
        }
        var config = SiteConfig(title: title ?? BilingualText(zh: "安全生产"), baseURL: baseURL ?? "https://example.org/", languages: languages)
        config.description = map["description"].flatMap { reader.text($0, "description") }
        config.region = map["region"].flatMap { reader.text($0, "region") }
        config.publisher = map["publisher"].flatMap { reader.text($0, "publisher") }
        config.isSample = map["sample"].flatMap { reader.bool($0, "sample") } ?? false
        config.buildDate = map["build_date"].flatMap { reader.day($0, "build_date") }

        config.identity = decodeIdentity(map, reader: &reader)

        if let node = map["hotlines"] {
            for item in reader.list(node, "hotlines") {
                guard let entry = reader.mapping(item, "hotline") else { continue }
                reader.checkKeys(entry, known: ["number", "name", "use", "hours"])
                guard let number = reader.required(entry, "number", "hotline").flatMap({ reader.string($0, "number") }),
                      let name = reader.required(entry, "name", "hotline").flatMap({ reader.text($0, "name") })
                else { continue }
                let allowed = number.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+- ".unicodeScalars.contains($0) }
                guard allowed, number.contains(where: \.isNumber) else {
                    reader.error(.invalidValue, entry["number"], "电话号码无效 (not a phone number): \(number)",
                                 hint: "digits, spaces, + and - only, e.g. 12350")
                    continue
                }
                config.hotlines.append(Hotline(number: number, name: name,
                                               use: entry["use"].flatMap { reader.text($0, "use") },
                                               hours: entry["hours"].flatMap { reader.text($0, "hours") }))
            }
        }
        if let node = map["channels"] {
            for item in reader.list(node, "channels") {
                guard let entry = reader.mapping(item, "channel") else { continue }
                reader.checkKeys(entry, known: ["name", "how"])
                guard let name = reader.required(entry, "name", "channel").flatMap({ reader.text($0, "name") }) else { continue }
                config.channels.append(ReportingChannel(name: name, how: entry["how"].flatMap { reader.text($0, "how") }))
            }
        }
        if let node = map["nav"] {
            for item in reader.list(node, "nav") {
                guard let entry = reader.mapping(item, "nav item") else { continue }
                reader.checkKeys(entry, known: ["title", "path"])
                guard let title = reader.required(entry, "title", "nav item").flatMap({ reader.text($0, "title") }),
                      let path = reader.required(entry, "path", "nav item").flatMap({ reader.string($0, "path") })
                else { continue }
                guard isSitePath(path) else {
                    reader.error(.invalidPath, entry["path"], "导航路径无效 (nav path must be site-relative): \(path)",
                                 hint: "for example plans/ — no scheme, no leading / and no ..")
                    continue
                }
                config.nav.append(NavItem(title: title, path: path, location: reader.location(entry["path"])))
            }
        }
        if let node = map["tags"] {
            for item in reader.list(node, "tags") {
                guard let entry = reader.mapping(item, "tag") else { continue }
                guard let name = reader.required(entry, "name", "tag").flatMap({ reader.text($0, "name") }) else { continue }
                config.tags.append(TagDefinition(name: name))
            }
        }
        return config
    }

    /// 主办单位, 承办单位, 网站标识码, the ICP and police filings, the contact and the tool credit.
    static func decodeIdentity(_ map: YAMLMap, reader: inout YAMLReader) -> SiteIdentity {
        var identity = SiteIdentity()
        identity.sponsor = map["sponsor"].flatMap { reader.text($0, "sponsor") }
        identity.organizer = map["organizer"].flatMap { reader.text($0, "organizer") }
        if let node = map["site_code"], let code = reader.string(node, "site_code") {
            // 网站标识码: 10 letters and digits (3101070001, bm07000001), as the national directory gives them.
            if code.count != 10 || !code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
                reader.warning(.invalidValue, node, "网站标识码通常为10位字母或数字 (a site code is normally 10 letters or digits): \(code)",
                               hint: "copy it from the national government-website directory (全国政府网站基本信息数据库)")
            }
            identity.siteCode = code
        }
        identity.icp = decodeFiling(map["icp"], "icp", defaultURL: "https://beian.miit.gov.cn/", reader: &reader)
        identity.policeFiling = decodeFiling(map["police_filing"], "police_filing", defaultURL: nil, reader: &reader)
        if let node = map["contact"], let entry = reader.mapping(node, "contact") {
            reader.checkKeys(entry, known: ["phone", "email", "address"])
            var contact = Contact()
            if let phoneNode = entry["phone"], let phone = reader.string(phoneNode, "contact.phone") {
                let allowed = phone.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+- ()".unicodeScalars.contains($0) }
                if allowed && phone.contains(where: \.isNumber) {
                    contact.phone = phone
                } else {
                    reader.error(.invalidValue, phoneNode, "电话号码无效 (not a phone number): \(phone)", hint: "digits, spaces, + - ( ) only, e.g. 021-12345678")
                }
            }
            if let emailNode = entry["email"], let email = reader.string(emailNode, "contact.email") {
                let parts = email.split(separator: "@", omittingEmptySubsequences: false)
                if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: { $0.isWhitespace || "<>\"'".contains($0) }) {
                    contact.email = email
                } else {
                    reader.error(.invalidValue, emailNode, "电子邮箱无效 (not an e-mail address): \(email)", hint: "for example office@example.gov.cn")
                }
            }
            contact.address = entry["address"].flatMap { reader.text($0, "contact.address") }
            if contact != Contact() { identity.contact = contact }
        }
        identity.showsToolCredit = map["tool_credit"].flatMap { reader.bool($0, "tool_credit") } ?? false
        return identity
    }

    /// `{number: 沪ICP备12345678号-1, url: …}`, or the number alone.
    static func decodeFiling(_ node: Node?, _ what: String, defaultURL: String?, reader: inout YAMLReader) -> Filing? {
        guard let node else { return nil }
        if case .scalar = node {
            return reader.string(node, what).map { Filing(number: $0, url: defaultURL) }
        }
        guard let entry = reader.mapping(node, what) else { return nil }
        reader.checkKeys(entry, known: ["number", "url"])
        guard let number = reader.required(entry, "number", what).flatMap({ reader.string($0, "\(what).number") }) else { return nil }
        var url = defaultURL
        if let urlNode = entry["url"], let given = reader.string(urlNode, "\(what).url") {
            if isWebAddress(given) {
                url = given
            } else {
                reader.error(.invalidUrl, urlNode, "网址无效 (not an http(s) address): \(given)", hint: "for example https://beian.miit.gov.cn/")
            }
        }
        return Filing(number: number, url: url)
    }

    /// An absolute http(s) address without spaces or quotes.
    static func isWebAddress(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && text.count > 8
            && !text.contains(where: { $0.isWhitespace || "\"'<>`".contains($0) })
    }

    /// A path inside the site: no scheme, no leading slash, no `..`, no odd characters.
    static func isSitePath(_ path: String) -> Bool {
        if path.isEmpty { return true }
        guard !path.hasPrefix("/"), !path.contains(":"), !path.contains("\\") else { return false }
        let segments = path.split(separator: "/")
        return !segments.contains("..") && !segments.contains(".")
            && path.unicodeScalars.allSatisfy { $0.value > 0x20 && !"\"'<>`#?%".unicodeScalars.contains($0) }
    }
}
