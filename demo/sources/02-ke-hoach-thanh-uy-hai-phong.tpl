THÀNH ỦY HẢI PHÒNG
*
Số 218-KH/TU
                                        ĐẢNG CỘNG SẢN VIỆT NAM
                                        Hải Phòng, ngày 02 tháng 4 năm 2025

KẾ HOẠCH
thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị
về đẩy mạnh chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo
trong các cơ quan của hệ thống chính trị
-----

Thực hiện Kết luận số 146-KL/TW ngày 14/3/2025 của Bộ Chính trị về đẩy mạnh chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo trong các cơ quan của hệ thống chính trị (sau đây gọi tắt là Kết luận số 146-KL/TW); căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ban Thường vụ Thành ủy ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Quán triệt sâu sắc, đầy đủ nội dung Kết luận số 146-KL/TW đến cán bộ, đảng viên; tạo sự thống nhất cao về nhận thức và hành động trong toàn Đảng bộ thành phố.

2. Xác định rõ nhiệm vụ, lộ trình, trách nhiệm của từng cấp ủy, tổ chức đảng, cơ quan, đơn vị; gắn việc thực hiện Kết luận với các chương trình phát triển kinh tế - xã hội của thành phố.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Tăng cường sự lãnh đạo của cấp ủy đối với chuyển đổi số

1.1. Người đứng đầu cấp ủy các cấp trực tiếp phụ trách công tác chuyển đổi số; đưa kết quả chuyển đổi số vào tiêu chí đánh giá, xếp loại tổ chức đảng và đảng viên hằng năm.

1.2. Tổ chức bồi dưỡng kiến thức, kỹ năng số cho 100% cán bộ chủ chốt cấp thành phố và cấp huyện, hoàn thành trong quý IV/2025.

2. Chuyển đổi số trong các cơ quan đảng

2.1. Hoàn thành triển khai hệ thống quản lý văn bản và điều hành thống nhất trong các cơ quan đảng của thành phố trong năm 2025.

2.2. Phấn đấu đến năm 2026, 100% hồ sơ công việc của các cơ quan đảng cấp thành phố được xử lý trên môi trường mạng (trừ hồ sơ mật).

3. Phát triển hệ sinh thái đổi mới sáng tạo

a) Xây dựng Trung tâm đổi mới sáng tạo thành phố gắn với các khu công nghệ cao, khu công nghiệp.

b) Phấn đấu đến năm 2030 kinh tế số chiếm 30% GRDP của thành phố; số doanh nghiệp công nghệ số đạt 3.000 doanh nghiệp.

III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo và Dân vận Thành ủy chủ trì, phối hợp với Văn phòng Thành ủy hướng dẫn quán triệt, tuyên truyền Kết luận số 146-KL/TW và Kế hoạch này, hoàn thành trong tháng 4/2025.

2. Đảng ủy Ủy ban nhân dân thành phố lãnh đạo Ủy ban nhân dân thành phố xây dựng kế hoạch thực hiện; chỉ đạo Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ triển khai các nhiệm vụ về hạ tầng số, dữ liệu số.

3. Các huyện ủy, quận ủy, thành ủy trực thuộc, đảng ủy trực thuộc Thành ủy xây dựng kế hoạch thực hiện phù hợp với địa phương, đơn vị; định kỳ 6 tháng báo cáo Ban Thường vụ Thành ủy.

4. Ủy ban Kiểm tra Thành ủy chủ trì, phối hợp với Văn phòng Thành ủy kiểm tra, giám sát việc thực hiện Kế hoạch này.

5. Văn phòng Thành ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Thành ủy hằng năm.

                                                   T/M BAN THƯỜNG VỤ
                                                   PHÓ BÍ THƯ

                                                   (Đã ký)

                                                   Nguyễn Đức Hòa

Nơi nhận:
- Ban Bí thư Trung ương Đảng (b/c),
- Văn phòng Trung ương Đảng (b/c),
- Các đồng chí Thành ủy viên,
- Các huyện ủy, quận ủy, đảng ủy trực thuộc (t/h),
- Các ban đảng, Văn phòng Thành ủy (để biết),
- Lưu Văn phòng Thành ủy.
