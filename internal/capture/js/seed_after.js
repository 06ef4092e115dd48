// seed_after moves two applications of account on through the simulator's
// hook: one to 补交材料 (waiting for a re-upload), one to 认证完成. It
// returns their ids.
async function (P, account) {
  const advance = async (body) => {
    const r = await fetch("/__sim/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return (await r.json()).app || "";
  };
  const degree = { country: "英国", institution: "University of Oxford", degree_name: "Master of Science", level: "硕士", major: "Computer Science" };
  const supp = await advance({ account, degree, to: "补交材料",
    request: { kind: "reupload", text: "护照照片不清晰，请重新上传", files: ["scan-passport.jpg"], deadline: "2026-12-31" } });
  const done = await advance({ account, degree, to: "认证完成", completed: "2026-11-01" });
  return [supp, done];
}
