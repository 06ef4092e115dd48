package portalsim

import (
	"errors"
	"io"
	"net/http"
	"path"
	"slices"
	"strconv"

	"github.com/cscse-tools/autofill/internal/materials"
)

// supplementPage is 补材料: the request, and the uploads it asks for.
func (s *Server) supplementPage(w http.ResponseWriter, r *http.Request, sess *session) {
	user := s.userView(sess)
	s.mu.Lock()
	_, a := s.afterApp(r, sess)
	if a == nil || a.status != StatusSupplement || a.after.request == nil {
		s.mu.Unlock()
		if a == nil {
			notFoundApp(w, r.PathValue("id"))
			return
		}
		http.Redirect(w, r, "/user/applications/"+a.id, http.StatusFound)
		return
	}
	c := &a.after
	var named []map[string]any
	for i, n := range c.request.Files {
		key, f := a.fileNamed(n)
		if f == nil { // already replaced: find it by the recorded position
			key, f = a.replacedFile(i)
		}
		slot, _ := slotByKey(key)
		accept := ".jpg,.jpeg,image/jpeg"
		if slot.Type == materials.PDF {
			accept = ".pdf,application/pdf"
		}
		row := map[string]any{"name": n, "slot": slot.Label, "accept": accept, "replaced": false, "current": n, "id": 0}
		if f != nil {
			row["id"] = f.ID
			row["replaced"] = a.after.orig[f.ID] == n
			row["current"] = f.Name
		}
		named = append(named, row)
	}
	d := map[string]any{
		"app":       map[string]string{"id": a.id, "status": a.status},
		"request":   requestView(c),
		"named":     named,
		"added":     append([]*upload{}, c.added...),
		"detailURL": "/user/applications/" + a.id,
	}
	s.mu.Unlock()
	s.render(w, view{ID: "supplement", User: user, Data: d})
}

// replacedFile finds the file that replaced the i-th named file.
func (a *application) replacedFile(i int) (string, *upload) {
	want := a.after.request.Files[i]
	for key, fs := range a.files {
		for _, f := range fs {
			if a.after.orig[f.ID] == want {
				return key, f
			}
		}
	}
	return "", nil
}

// receiveFile reads the multipart file of an upload and checks it against
// a slot's rules, as the materials upload does.
func receiveFile(r *http.Request, slot materials.Slot) (string, []byte, error) {
	r.Body = http.MaxBytesReader(nil, r.Body, slot.MaxBytes+1<<20)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return "", nil, bad(slot.Label, "文件过大，单个文件不能超过 %s", materials.HumanSize(slot.MaxBytes))
		}
		return "", nil, httpErr(http.StatusBadRequest, "上传请求格式错误：需要 multipart 字段 file")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, slot.MaxBytes+1))
	if err != nil {
		return "", nil, bad(slot.Label, "文件读取失败，请重新上传")
	}
	name := path.Base(hdr.Filename)
	head := data[:min(len(data), 512)]
	if got := materials.Sniff(head); got != slot.Type {
		return "", nil, bad(slot.Label, "%s 的实际格式是%s，此项只接受%s", name, typeZh(head), typeZh(sample(slot.Type)))
	}
	if int64(len(data)) > slot.MaxBytes {
		return "", nil, bad(slot.Label, "%s 超过 %s，请压缩后重新上传", name, materials.HumanSize(slot.MaxBytes))
	}
	return name, data, nil
}

// sample is the magic number of a type, for naming it with typeZh.
func sample(t materials.Type) []byte {
	if t == materials.PDF {
		return []byte("%PDF-1.4")
	}
	return []byte{0xFF, 0xD8, 0xFF, 0xE0}
}

// openRequest finds the session's application with an open request of kind;
// the caller holds s.mu.
func (s *Server) openRequest(r *http.Request, sess *session, kind string) (*application, error) {
	_, a := s.afterApp(r, sess)
	if a == nil {
		return nil, httpErr(http.StatusNotFound, "申请 "+r.PathValue("id")+" 不存在或不属于当前用户")
	}
	c := &a.after
	if a.status != StatusSupplement || c.request == nil || c.answered {
		return nil, httpErr(http.StatusUnprocessableEntity, "该申请当前没有待处理的补交材料通知")
	}
	if kind != "" && c.request.Kind != kind {
		return nil, httpErr(http.StatusUnprocessableEntity, "本次补交材料的类型是“"+requestKindZh[c.request.Kind]+"”，不能这样上传")
	}
	return a, nil
}

// otherSlot is the rule for added files: like 其他材料, JPG ≤ 1 MB.
func otherSlot() materials.Slot {
	s, _ := slotByKey("other")
	s.Label = "补充材料"
	return s
}

func (s *Server) apiSupplementAdd(r *http.Request, sess *session) (any, error) {
	name, data, err := receiveFile(r, otherSlot())
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.openRequest(r, sess, RequestAdd)
	if err != nil {
		return nil, err
	}
	a.nextFile++
	up := &upload{ID: a.nextFile, Name: name, Size: int64(len(data)), data: data}
	a.after.added = append(a.after.added, up)
	s.saved()
	return map[string]any{"message": "上传成功", "id": up.ID, "name": up.Name, "size": up.Size}, nil
}

func (s *Server) apiSupplementReplace(r *http.Request, sess *session) (any, error) {
	id, _ := strconv.Atoi(r.PathValue("file"))
	s.mu.Lock()
	a, err := s.openRequest(r, sess, RequestReupload)
	var key string
	var old *upload
	if err == nil {
		key, old = a.fileByID(id)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if old == nil || !a.named(old) {
		return nil, httpErr(http.StatusUnprocessableEntity, "该文件不在本次需重新上传的材料之列")
	}
	slot, _ := slotByKey(key)
	name, data, err := receiveFile(r, slot)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.openRequest(r, sess, RequestReupload); err != nil {
		return nil, err
	}
	orig := old.Name
	if o, ok := a.after.orig[old.ID]; ok {
		orig = o
	}
	if a.after.orig == nil {
		a.after.orig = map[int]string{}
	}
	old.Name, old.Size, old.data, a.after.orig[old.ID] = name, int64(len(data)), data, orig
	if !slices.Contains(a.after.replaced, orig) {
		a.after.replaced = append(a.after.replaced, orig)
	}
	s.saved()
	return map[string]any{"message": "已重新上传", "id": old.ID, "name": name, "size": old.Size}, nil
}

// named reports whether f is one of the files the request asks to replace.
func (a *application) named(f *upload) bool {
	for _, n := range a.after.request.Files {
		if f.Name == n || a.after.orig[f.ID] == n {
			return true
		}
	}
	return false
}

func (a *application) fileByID(id int) (string, *upload) {
	for key, fs := range a.files {
		for _, f := range fs {
			if f.ID == id {
				return key, f
			}
		}
	}
	return "", nil
}

// apiSupplementSubmit is the person's 提交 of the answer (counted with the
// other submits; autofill never clicks it).
func (s *Server) apiSupplementSubmit(r *http.Request, sess *session) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.openRequest(r, sess, "")
	if err != nil {
		return nil, err
	}
	c := &a.after
	c.suppSubmits++
	switch c.request.Kind {
	case RequestAdd:
		if len(c.added) == 0 {
			return nil, bad("补充材料", "请先上传补充材料")
		}
	case RequestReupload:
		if len(c.replaced) < len(c.request.Files) {
			return nil, bad("需重新上传的材料", "还有材料未重新上传")
		}
	}
	if s.o.Demo {
		return map[string]any{"message": "模拟器演示模式：提交不会生效", "demo": true}, nil
	}
	c.answered = true
	a.status = StatusReviewing
	return map[string]string{"message": "补交材料已提交", "redirect": "/user/applications"}, nil
}
