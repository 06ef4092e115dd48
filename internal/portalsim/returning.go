package portalsim

// returningRows are the applications a returning applicant's 我的申请
// already holds (docs/portal.md: rows in every status), none of them for a degree
// a test applicant applies for: the engine must continue or create only its
// own degree's draft and leave every row here as it was.
var returningRows = []struct {
	degree AdvanceDegree
	to     string
	req    *Request
}{
	{AdvanceDegree{Country: "美国", Institution: "Columbia University", DegreeName: "Master of Arts", Level: "硕士", Major: "Economics"}, StatusReviewing, nil},
	{AdvanceDegree{Country: "澳大利亚", Institution: "The University of Sydney", DegreeName: "Bachelor of Commerce", Level: "学士", Major: "Finance"}, StatusSupplement,
		&Request{Kind: RequestAdd, Text: "请补充成绩单英文翻译件。"}},
	{AdvanceDegree{Country: "日本", Institution: "The University of Tokyo", DegreeName: "Master of Engineering", Level: "硕士", Major: "Mechanical Engineering"}, StatusDone, nil},
	{AdvanceDegree{Country: "法国", Institution: "Sorbonne Université", DegreeName: "Licence", Level: "学士", Major: "Histoire"}, StatusAwaitingPayment, nil},
	{AdvanceDegree{Country: "德国", Institution: "Technische Universität München", DegreeName: "Master of Science in Informatics", Level: "硕士", Major: "Informatics"}, "", nil},
}

// seedReturning fills a new account's 我的申请 with returningRows; the
// caller holds s.mu. A row with no status stays a 未提交 draft of its degree.
func (s *Server) seedReturning(user string) error {
	for _, r := range returningRows {
		d := r.degree
		id, err := s.advanceLocked(Advance{Account: user, Degree: &d, To: StatusAwaitingPayment})
		if err != nil {
			return err
		}
		a := s.accounts[user].app(id)
		switch r.to {
		case "":
			a.submitted = false // only created: an unsubmitted draft of another degree
		case StatusAwaitingPayment:
		default:
			if err := s.advance(s.accounts[user], a, Advance{To: r.to, Request: r.req}, s.now()); err != nil {
				return err
			}
		}
	}
	return nil
}
