@header
$issuer_upper || ĐẢNG CỘNG SẢN VIỆT NAM
* ||
Số $number || $place, ngày $date_words
@end
^KẾ HOẠCH
^thực hiện $parent_title
^-----
Thực hiện $parent_full (sau đây gọi tắt là $parent_short), Ban Thường vụ $uy ban hành Kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc, đầy đủ nội dung $parent_short đến cán bộ, đảng viên; tạo sự thống nhất cao về nhận thức và hành động trong toàn Đảng bộ.
2. Xác định rõ nhiệm vụ, lộ trình, trách nhiệm của từng cấp ủy, tổ chức đảng, cơ quan, đơn vị; bảo đảm phù hợp với điều kiện thực tế của địa phương.
II. NHIỆM VỤ VÀ GIẢI PHÁP
$tasks
III. TỔ CHỨC THỰC HIỆN
$org
$sign
