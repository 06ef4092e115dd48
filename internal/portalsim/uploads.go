package portalsim

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/cscse-tools/autofill/internal/materials"
)

// upload is one file kept in memory (the portal's files are small).
type upload struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
	Size int64  `json:"size"`
	data []byte
}

// slotView is a slots entry as the materials page needs it.
type slotView struct {
	Key      string `json:"key"`
	Label    string `json:"label"`
	Class    string `json:"cls"`
	Required bool   `json:"required"`
	Type     string `json:"type"`
	Accept   string `json:"accept"`
	MaxBytes int64  `json:"max_bytes"`
	MaxFiles int    `json:"max_files"`
	Multi    bool   `json:"multi"`
	Tip      string `json:"tip"`
	Hint     string `json:"hint,omitempty"` // red hint text (Variant.OfficialSlots)
	PNG      bool   `json:"png,omitempty"`  // PNG accepted besides JPG
	Sign     bool   `json:"sign,omitempty"` // signed online instead of uploaded
	Signed   bool   `json:"signed,omitempty"`
}

func slotViews() []slotView {
	var out []slotView
	for _, s := range slots {
		v := slotView{Key: s.Key, Label: s.Label, Class: "fi-m-" + s.Key, Required: s.Required,
			Type: string(s.Type), MaxBytes: s.MaxBytes, MaxFiles: s.MaxFiles, Multi: s.Multi}
		kind := "JPG 图片"
		v.Accept = ".jpg,.jpeg,image/jpeg"
		if s.Type == materials.PDF {
			kind, v.Accept = "PDF 文件", ".pdf,application/pdf"
		}
		v.Tip = fmt.Sprintf("只能上传 %s，单个文件不超过 %s", kind, materials.HumanSize(s.MaxBytes))
		if s.MaxFiles > 0 {
			v.Tip += fmt.Sprintf("，最多 %d 个", s.MaxFiles)
		}
		out = append(out, v)
	}
	return out
}

func isPNG(head []byte) bool { return strings.HasPrefix(string(head), "\x89PNG\r\n\x1a\n") }

// typeZh names a sniffed type for the person.
func typeZh(head []byte) string {
	switch materials.Sniff(head) {
	case materials.JPEG:
		return "JPG 图片"
	case materials.PDF:
		return "PDF 文件"
	}
	return "其他格式（" + materials.Describe(head) + "）"
}

func (s *Server) apiUpload(r *http.Request, sess *session) (any, error) {
	slot, ok := slotByKey(r.PathValue("key"))
	if !ok {
		return nil, httpErr(http.StatusNotFound, "材料类别 "+r.PathValue("key")+" 不存在")
	}
	// Read the file before taking the lock: uploads may be slow.
	r.Body = http.MaxBytesReader(nil, r.Body, slot.MaxBytes+1<<20)
	f, hdr, err := r.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, bad(slot.Label, "文件过大，单个文件不能超过 %s", materials.HumanSize(slot.MaxBytes))
		}
		return nil, httpErr(http.StatusBadRequest, "上传请求格式错误：需要 multipart 字段 file")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, slot.MaxBytes+1))
	if err != nil {
		return nil, bad(slot.Label, "文件读取失败，请重新上传")
	}
	name := path.Base(hdr.Filename)
	head := data[:min(len(data), 512)]
	if got := materials.Sniff(head); got != slot.Type && !(s.o.Variant.OfficialSlots && pngSlots[slot.Key] && isPNG(head)) {
		want := "JPG 图片"
		if slot.Type == materials.PDF {
			want = "PDF 文件"
		}
		return nil, bad(slot.Label, "%s 的实际格式是%s，此项只接受%s", name, typeZh(head), want)
	}
	if int64(len(data)) > slot.MaxBytes {
		return nil, bad(slot.Label, "%s 超过 %s，请压缩后重新上传", name, materials.HumanSize(slot.MaxBytes))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	_, a, err := s.editable(r, sess)
	if err != nil {
		return nil, err
	}
	if slot.MaxFiles > 0 && len(a.files[slot.Key]) >= slot.MaxFiles {
		return nil, bad(slot.Label, "最多上传 %d 个文件，请先删除已上传的文件", slot.MaxFiles)
	}
	a.nextFile++
	up := &upload{ID: a.nextFile, Name: name, Size: int64(len(data)), data: data}
	a.files[slot.Key] = append(a.files[slot.Key], up)
	s.saved()
	return map[string]any{"message": "上传成功", "id": up.ID, "name": up.Name, "size": up.Size}, nil
}

func (s *Server) apiDeleteFile(r *http.Request, sess *session) (any, error) {
	return s.editApp(r, sess, func(a *application) (any, error) {
		key := r.PathValue("key")
		id, _ := strconv.Atoi(r.PathValue("file"))
		for i, f := range a.files[key] {
			if f.ID == id {
				a.files[key] = append(a.files[key][:i], a.files[key][i+1:]...)
				s.saved()
				return map[string]string{"message": "已删除"}, nil
			}
		}
		return nil, httpErr(http.StatusNotFound, "文件不存在，请刷新页面")
	})
}

func (s *Server) apiSaveMaterialsStep(r *http.Request, sess *session) (any, error) {
	return edit(s, r, sess, func(a *application, in *stepIn) (any, error) {
		if in.Next {
			if label, msg := s.slotMissing(a); label != "" {
				return nil, bad(label, "%s", msg)
			}
		}
		s.stepSaved(a, "materials")
		return saveOK, nil
	})
}

// filesView lists the uploaded files per slot key for the page.
func (a *application) filesView() map[string][]*upload {
	out := map[string][]*upload{}
	for _, slot := range slots {
		out[slot.Key] = append([]*upload{}, a.files[slot.Key]...)
	}
	return out
}
