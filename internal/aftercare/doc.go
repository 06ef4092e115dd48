// Package aftercare is the applicant's journey after 提交 (docs/portal.md,
// "我的申请 and after 提交"): reading where each application stands (status), answering a
// 补交材料 request (supplement), downloading the electronic 认证书
// (certificate) and preparing a 复核 (review). It drives a tab that
// portal.Open logged in and that shows 我的申请, reads pages through the
// page maps (selectors/app-detail.yaml, supplement.yaml, review.yaml and the
// row actions of applications.yaml) with [page]'s functions and its own
// (js/, called by value: no mark in the portal's DOM), and clicks through
// [page.Clicker] with the engine's one click guard ([portal.Guard]): it
// never clicks a final 提交, never pays.
package aftercare
