extension CustomerHistory {
    /// The purchase histories joined with what the contacts and the survey say of each person;
    /// a contact who never bought gets a history of their own.
    ///
    /// A contact date after `asOf` (days since 1970-01-01) does not count: at that date they had
    /// not been contacted yet.
    ///
    /// - Parameter answers: each customer's latest answer by `asOf`, as `SurveyAnswers.latest(through:)` gives.
    public static func joining(
        _ histories: [CustomerHistory], contacts: ContactList?, answers: [String: Int], asOf: Int
    ) -> [CustomerHistory] {
        var joined = histories
        var index = [String: Int](minimumCapacity: histories.count)
        for (position, history) in histories.enumerated() { index[history.id] = position }
        for contact in contacts?.contacts ?? [] {
            let position =
                index[contact.id]
                ?? {
                    joined.append(CustomerHistory(id: contact.id, purchaseDays: []))
                    index[contact.id] = joined.count - 1
                    return joined.count - 1
                }()
            joined[position].contacted = contact.contactedDay.map { $0 <= asOf } ?? false
            joined[position].referredBy = contact.referredBy?.text
        }
        for (id, answer) in answers {
            if let position = index[id] { joined[position].recommendAnswer = answer }
        }
        return joined
    }
}
