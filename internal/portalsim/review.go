package portalsim

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cscse-tools/autofill/internal/materials"
)

// reviewDraft is a 复核 being prepared: the reason, the files, and whether
// the person submitted it (once only).
type reviewDraft struct {
	reason    string
	files     []*upload
	submitted bool
	submits   int // clicks of the 复核 page's 提交
}

// reviewMaxFiles is the 复核 upload limit (PORTAL.md: up to 50 JPG ≤ 1 MB).
const reviewMaxFiles = 50

func reviewSlot() materials.Slot {
	s, _ := slotByKey("other")
	s.Label, s.MaxFiles = "复核材料", reviewMaxFiles
	return s
}

// reviewPage is 复核: 复核需知, the reason, the files and 提交.
func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request, sess *session) {
	user := s.userView(sess)
	s.mu.Lock()
	_, a := s.afterApp(r, sess)
	if a == nil {
		s.mu.Unlock()
		notFoundApp(w, r.PathValue("id"))
		return
	}
	if !a.reviewOpen(s.now()) {
		s.mu.Unlock()
		http.Redirect(w, r, "/user/applications/"+a.id, http.StatusFound)
		return
	}
	rv := &a.after.review
	d := map[string]any{
		"app":       map[string]string{"id": a.id, "status": a.status},
		"reason":    rv.reason,
		"files":     append([]*upload{}, rv.files...),
		"deadline":  a.after.completed.AddDate(0, reviewMonths, 0).Format(time.DateOnly),
		"detailURL": "/user/applications/" + a.id,
	}
	s.mu.Unlock()
	s.render(w, view{ID: "review", User: user, Data: d})
}

// openReview finds the session's application that may be reviewed; the
// caller holds s.mu.
func (s *Server) openReview(r *http.Request, sess *session) (*application, error) {
	_, a := s.afterApp(r, sess)
	if a == nil {
		return nil, httpErr(http.StatusNotFound, "申请 "+r.PathValue("id")+" 不存在或不属于当前用户")
	}
	if !a.reviewOpen(s.now()) {
		return nil, httpErr(http.StatusUnprocessableEntity, "该申请不能申请复核（须为认证完成、在 12 个月内且未申请过复核）")
	}
	return a, nil
}

func (s *Server) apiReviewSave(r *http.Request, sess *session) (any, error) {
	var in struct {
		Reason string `json:"reason"`
	}
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if in.Reason == "" {
		return nil, bad("复核理由", "请填写复核理由")
	}
	if len([]rune(in.Reason)) > 500 {
		return nil, bad("复核理由", "不能超过 500 字")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.openReview(r, sess)
	if err != nil {
		return nil, err
	}
	a.after.review.reason = in.Reason
	s.saved()
	return saveOK, nil
}

func (s *Server) apiReviewUpload(r *http.Request, sess *session) (any, error) {
	name, data, err := receiveFile(r, reviewSlot())
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.openReview(r, sess)
	if err != nil {
		return nil, err
	}
	rv := &a.after.review
	if len(rv.files) >= reviewMaxFiles {
		return nil, bad("复核材料", "最多上传 %d 个文件", reviewMaxFiles)
	}
	a.nextFile++
	up := &upload{ID: a.nextFile, Name: name, Size: int64(len(data)), data: data}
	rv.files = append(rv.files, up)
	s.saved()
	return map[string]any{"message": "上传成功", "id": up.ID, "name": up.Name, "size": up.Size}, nil
}

func (s *Server) apiReviewDelete(r *http.Request, sess *session) (any, error) {
	id, _ := strconv.Atoi(r.PathValue("file"))
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.openReview(r, sess)
	if err != nil {
		return nil, err
	}
	rv := &a.after.review
	for i, f := range rv.files {
		if f.ID == id {
			rv.files = append(rv.files[:i], rv.files[i+1:]...)
			return map[string]string{"message": "已删除"}, nil
		}
	}
	return nil, httpErr(http.StatusNotFound, "文件不存在，请刷新页面")
}

// apiReviewSubmit is the person's 提交 of the 复核 (counted with the other
// submits; autofill never clicks it).
func (s *Server) apiReviewSubmit(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.openReview(r, sess)
	if err != nil {
		return nil, err
	}
	rv := &a.after.review
	rv.submits++
	if rv.reason == "" {
		return nil, bad("复核理由", "请先填写并保存复核理由")
	}
	if s.o.Demo {
		return map[string]any{"message": "模拟器演示模式：提交不会生效", "demo": true}, nil
	}
	rv.submitted = true
	return map[string]string{"message": "复核申请已提交", "redirect": "/user/applications"}, nil
}
